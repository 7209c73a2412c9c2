/** The footer of an endless list: loading more, load more / retry after an error, or the end of the list. */
import { Text, View } from '@tarojs/components'
import { errorMessageKey } from '@/components/page-state'
import { useT } from '@/i18n/use-t'
import './index.scss'

export interface ListFooterProps {
  loading: boolean
  hasMore: boolean
  error: unknown
  onMore: () => void
  testId: string
}

/**
 * Under a paged list: "loading more", the append's error (tap to try again), a "load more" button (reaching the
 * bottom also loads; the button serves short pages and desktop browsers) or "no more".
 * Always inside the same slot View: Taro answers a removed child by re-sending all of its parent's children, so
 * a variant swapping next to the list would re-send the whole rendered list in setData; inside the slot it
 * re-sends one line.
 */
export function ListFooter(props: ListFooterProps) {
  return (
    <View className='list-footer-slot'>
      <FooterContent {...props} />
    </View>
  )
}

function FooterContent({ loading, hasMore, error, onMore, testId }: ListFooterProps) {
  const t = useT()
  if (loading) return <Text className='list-footer'>{t('list.loadingMore')}</Text>
  if (error !== undefined) {
    return (
      <View className='list-footer list-footer--error' onClick={onMore} data-testid={testId}>
        <Text>{`${t(errorMessageKey(error))} · ${t('state.retry')}`}</Text>
      </View>
    )
  }
  if (hasMore) {
    return (
      <View className='list-footer list-footer--more' onClick={onMore} data-testid={testId}>
        <Text>{t('list.loadMore')}</Text>
      </View>
    )
  }
  return <Text className='list-footer'>{t('list.noMore')}</Text>
}
