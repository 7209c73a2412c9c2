/**
 * Infinite scroll of a list page in the simulate harness, as a merchant does it: scroll to the end of what is loaded,
 * then WeChat reports the bottom and the page asks for one more. Shared by the transactions weapp test and the
 * client bench (bench/client-weapp.ts), which measure what each append costs in setData.
 */
import type { SetDataRecord, WeappPage } from '../harness'
import type { RecordedRequest } from './live-server'

export interface ScrolledList {
  page: WeappPage
  /** One row's height in px on this simulated screen. */
  rowPx: number
  windowHeight: number
  /** The list's requests so far (the server's record), to see the next page's arrive. */
  listRequests: () => RecordedRequest[]
}

/** Loads page `pageNo` after `loaded` rows; resolves with the setData calls the append cost. */
export async function appendNextPage(list: ScrolledList, loaded: number, pageNo: number, timeoutMs = 20_000): Promise<SetDataRecord[]> {
  const { page } = list
  // The user has scrolled to the end of what is loaded…
  await page.lifecycle('onPageScroll', { scrollTop: Math.max(0, loaded * list.rowPx - list.windowHeight) })
  // React renders the moved window a task later; on a busy machine that can exceed settle's default quiet time.
  await page.settle({ quietMs: 200 })
  const mark = page.metrics.calls.length
  const requests = list.listRequests().length
  // …and WeChat reports the bottom: one more page.
  await page.lifecycle('onReachBottom')
  await page.waitFor(() => list.listRequests().length > requests && !page.text().includes('正在加载更多'), {
    timeoutMs,
    message: `page ${pageNo} never arrived`,
  })
  await page.settle()
  return page.metrics.calls.slice(mark)
}
