import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import './index.scss'

/** The SPEC's empty result: "查询结果为空 / 无法查询到相关数据,…" */
export function EmptyState() {
  const t = useT()
  return (
    <View className='empty-state'>
      <Text className='empty-state__title'>{t('state.empty.title')}</Text>
      <Text className='empty-state__hint'>{t('state.empty.hint')}</Text>
    </View>
  )
}
