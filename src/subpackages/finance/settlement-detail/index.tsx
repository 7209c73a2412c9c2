import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { BatchDetailView } from '@/features/settlements/batch-detail-view'
import { usePageTitle } from '@/hooks/use-page-title'
import { routeParam } from '@/utils/route-param'

/** One settlement batch (`?batchNo=`): its figures and transactions. */
export default function SettlementDetailPage() {
  usePageTitle('st.detail.title')
  const { params } = useRouter()
  return (
    <View className='page'>
      <BatchDetailView batchNo={routeParam(params.batchNo)} />
    </View>
  )
}
