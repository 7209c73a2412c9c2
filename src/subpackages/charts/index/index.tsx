import { View } from '@tarojs/components'
import { ChartsScreen } from '@/features/charts/charts-screen'
import { usePageTitle } from '@/hooks/use-page-title'

/** Charts (SPEC §3.1 item 5); the only subpackage that carries ECharts. */
export default function ChartsPage() {
  usePageTitle('charts.title')
  return (
    <View className='page charts-page'>
      <ChartsScreen />
    </View>
  )
}
