import { Button, Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import './index.scss'

export interface EmptyStateProps {
  /**
   * Set where the list is narrowed by filters the user chose: the next step is to clear them (a button). Without
   * it the list is empty as it stands, and the next step is to pull down to refresh.
   */
  onClearFilters?: () => void
}

/**
 * The SPEC's empty result ("查询结果为空") with the next step. Each hint is one short phrase kept whole
 * (`word-break: keep-all` in index.scss) so no line ends in a lone glyph at 320 px.
 */
export function EmptyState({ onClearFilters }: EmptyStateProps) {
  const t = useT()
  return (
    <View className='empty-state' data-testid='state-empty'>
      <Text className='empty-state__title'>{t('state.empty.title')}</Text>
      {onClearFilters === undefined ? (
        <Text className='empty-state__hint'>{t('state.empty.pullToRefresh')}</Text>
      ) : (
        <>
          <Text className='empty-state__hint'>{t('state.empty.hint')}</Text>
          <Button className='empty-state__clear' size='mini' onClick={onClearFilters} data-testid='state-empty-clear'>
            {t('state.empty.clearFilters')}
          </Button>
        </>
      )}
    </View>
  )
}
