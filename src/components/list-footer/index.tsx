/** The footer of an endless list: loading more, load more / retry after an error, or the end of the list. */
import { Text, View } from '@tarojs/components'
import { errorMessageKey } from '@/components/page-state'
import type { MorePages } from '@/hooks/use-more-pages'
import { useT } from '@/hooks/use-t'
import './index.scss'

export interface ListFooterProps {
  /** The list's paging, as useMorePages / usePagedList return it. */
  more: Pick<MorePages<unknown>, 'loadingMore' | 'hasMore' | 'moreError' | 'loadMore'>
  /** On the tappable line (load more, or retry after an error). */
  testId: string
  /** On the footer's slot, whatever it shows. */
  slotTestId?: string
}

/**
 * Under a paged list: "loading more", the append's error (tap to try again), a "load more" button (reaching the
 * bottom also loads; the button serves short pages and desktop browsers) or "no more".
 * Always inside the same slot View: Taro answers a removed child by re-sending all of its parent's children, so
 * a variant swapping next to the list would re-send the whole rendered list in setData; inside the slot it
 * re-sends one line. Each variant is a different element: switching a Taro node between tappable and plain in
 * place breaks the weapp runtime.
 */
export function ListFooter({ more, testId, slotTestId }: ListFooterProps) {
  return (
    <View className='list-footer-slot' data-testid={slotTestId}>
      <FooterContent more={more} testId={testId} />
    </View>
  )
}

function FooterContent({ more, testId }: ListFooterProps) {
  const t = useT()
  const { loadingMore, hasMore, moreError, loadMore } = more
  if (loadingMore) return <Text className='list-footer'>{t('list.loadingMore')}</Text>
  if (moreError !== undefined) {
    return (
      <View className='list-footer list-footer--error' onClick={() => void loadMore()} data-testid={testId}>
        <Text>{`${t(errorMessageKey(moreError))} ${t('list.loadMore')}`}</Text>
      </View>
    )
  }
  if (hasMore) {
    return (
      <View className='list-footer list-footer--more' onClick={() => void loadMore()} data-testid={testId}>
        <Text>{t('list.loadMore')}</Text>
      </View>
    )
  }
  return <Text className='list-footer'>{t('list.noMore')}</Text>
}
