/** Issue 11 item 12 on the transactions list: an empty filtered list offers to clear its filters. */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MeResponse } from '@contract/me'
import type { TransactionsPage } from '@contract/transactions'
import { fetchMe, fetchTransactions } from '@/api'
import { TransactionsScreen } from '@/features/transactions/transactions-screen'
import { addDays, beijingToday } from '@/utils/dates'

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchTransactions: vi.fn(),
  fetchMe: vi.fn(),
}))

const list = vi.mocked(fetchTransactions)
const EMPTY: TransactionsPage = { items: [], nextCursor: null, total: { count: 0, amounts: [], basis: { status: 'success', amount: 'transaction' } } }
const today = beijingToday()

beforeEach(() => {
  list.mockReset().mockResolvedValue(EMPTY)
  vi.mocked(fetchMe).mockReset().mockResolvedValue({ terminals: ['14010588'] } as MeResponse)
})

describe('transactions list, empty', () => {
  it('with a search and a preset: 清除筛选 drops them, keeping the date range', async () => {
    render(<TransactionsScreen params={{ case: 'chargeback', q: 'MK1' }} />)
    await screen.findByTestId('state-empty-clear')
    await act(async () => fireEvent.click(screen.getByTestId('state-empty-clear')))
    const last = list.mock.calls.at(-1)![0]
    expect(last).not.toHaveProperty('case')
    expect(last).not.toHaveProperty('q')
    expect(last).toHaveProperty('from')
  })

  it('with no filter: no clear button, the refresh hint', async () => {
    render(<TransactionsScreen params={{}} />)
    await screen.findByText('下拉可刷新')
    expect(screen.queryByTestId('state-empty-clear')).toBeNull()
    expect(list.mock.calls[0][0]).toMatchObject({ from: `${addDays(today, -6)}T00:00:00+08:00` })
  })
})
