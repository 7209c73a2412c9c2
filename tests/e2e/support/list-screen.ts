/**
 * The count line and the filter sheet that the transactions and settlements lists share, found by the test-id
 * prefix of their screen (`tx`, `st`): `<prefix>-count`, `<prefix>-filters`, `<prefix>-sheet`, `<prefix>-sheet-apply`.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { testIdOnScreen } from './router'

/** `page` is a getter: the suites open their page in beforeAll, after this runs at module load. */
export function listScreen(page: () => Page, prefix: string) {
  const byTestId = (id: string) => testIdOnScreen(page(), `${prefix}-${id}`)
  const countText = () => byTestId('count').innerText()
  return {
    countText,
    /** Until the list says "查询出N条符合条件数据" with exactly this N. */
    async waitForCount(count: number): Promise<void> {
      await expect.poll(countText, { timeout: 20_000 }).toBe(`查询出${count}条符合条件数据`)
    },
    /** Opens the filter sheet, does `act` in it, applies, and waits for the sheet to close. */
    async applyInSheet(act: () => Promise<void>): Promise<void> {
      await byTestId('filters').tap()
      await byTestId('sheet').waitFor()
      await act()
      await byTestId('sheet-apply').tap()
      await byTestId('sheet').waitFor({ state: 'detached' })
    },
  }
}
