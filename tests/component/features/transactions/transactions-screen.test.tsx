import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MeResponse } from '@contract/me'
import type { TransactionListItem, TransactionsPage, TransactionsQuery } from '@contract/transactions'
import { ApiClientError, fetchMe, fetchTransactions } from '@/api'
import { TransactionsScreen } from '@/features/transactions/transactions-screen'
import { oneYearBefore } from '@/components/date-range/range'
import { usePreferences } from '@/stores/preferences'
import { addDays, beijingToday } from '@/utils/dates'

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchTransactions: vi.fn(),
  fetchMe: vi.fn(),
}))

const list = vi.mocked(fetchTransactions)
const me = vi.mocked(fetchMe)

function row(n: number, overrides: Partial<TransactionListItem> = {}): TransactionListItem {
  return {
    paymentId: `P${String(n).padStart(6, '0')}`,
    orderNumber: `test2025051516${String(n).padStart(4, '0')}`,
    terminal: n % 2 === 0 ? '14010588' : '14010589',
    paymentMethod: 'Credit Card',
    cardBrand: 'Visa',
    txnType: 'sale',
    status: 'success',
    authStatus: null,
    amount: { currency: 'USD', amount: `${n}.50` },
    refundStatus: 'none',
    paymentTime: '2025-05-15T16:52:56+08:00',
    settlementTime: null,
    ...overrides,
  }
}

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => row(from + i))

const SUCCESS = { status: 'success', amount: 'transaction' } as const

const FIRST: TransactionsPage = {
  items: rows(1, 20),
  nextCursor: 'cursor-1',
  total: {
    count: 123,
    amounts: [
      { currency: 'USD', amount: '12345.60' },
      { currency: 'EUR', amount: '-102.76' },
      { currency: 'JPY', amount: '2761' },
      { currency: 'GBP', amount: '1263.00' },
    ],
    basis: SUCCESS,
  },
}

const ME = { terminals: ['14010588', '14010589', '14010590'] } as MeResponse
const queries = () => list.mock.calls.map(([query]) => query)
const lastQuery = (): TransactionsQuery => queries().at(-1)!
const today = beijingToday()

beforeEach(() => {
  list.mockReset()
  me.mockReset()
  me.mockResolvedValue(ME)
})

async function renderList(params: Record<string, string> = {}, first: TransactionsPage = FIRST) {
  list.mockResolvedValueOnce(first)
  render(<TransactionsScreen params={params} />)
  await screen.findByTestId('tx-count')
}

describe('transactions list', () => {
  it('asks for the last 7 Beijing days and shows the count, totals and rows', async () => {
    await renderList()
    expect(queries()).toEqual([{ from: `${addDays(today, -6)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00`, limit: 20 }])
    expect(screen.getByTestId('tx-count').textContent).toBe('查询出123条符合条件数据')
    expect(screen.getByTestId('tx-range-start').textContent).toContain(`${addDays(today, -6)} 00:00:00`)
    expect(screen.getByTestId('tx-range-end').textContent).toContain(`${today} 23:59:59`)
    const first = screen.getByTestId('tx-row-P000001')
    expect(first.textContent).toContain('Credit Card · Visa')
    expect(first.textContent).toContain('14010589')
    expect(first.textContent).toContain('test20250515160001')
    expect(first.textContent).toContain('USD 1.50')
    expect(first.textContent).toContain('成功')
    expect(first.textContent).toContain('2025-05-15 16:52:56')
  })

  it('shows three totals, and all of them on demand', async () => {
    await renderList()
    const totals = screen.getByTestId('tx-totals')
    expect(totals.textContent).toContain('USD 12,345.60')
    expect(totals.textContent).toContain('EUR -102.76')
    expect(totals.textContent).not.toContain('GBP')
    fireEvent.click(screen.getByTestId('tx-totals-toggle'))
    expect(screen.getByTestId('tx-totals').textContent).toContain('GBP 1,263.00')
    expect(within(screen.getByTestId('tx-totals')).getByText('EUR -102.76').className).toContain('negative')
  })

  it('labels 金额统计 with what it adds up', async () => {
    await renderList()
    expect(screen.getByTestId('tx-totals-label').textContent).toBe('金额统计（成功交易）')
    list.mockResolvedValueOnce({ items: [row(7)], nextCursor: null, total: { count: 1, amounts: [], basis: { status: 'failure', amount: 'booking' } } })
    fireEvent.change(screen.getByTestId('tx-search'), { target: { value: 'x' } })
    await act(async () => fireEvent.click(screen.getByTestId('tx-search-submit')))
    expect(await screen.findByText('金额统计（失败交易，记账金额）')).toBeTruthy()
    // Nothing of that status to add up: said, not hidden.
    expect(screen.getByTestId('tx-totals').textContent).toContain('无')
  })

  it('says an order number / payment ID searches the whole year', async () => {
    await renderList()
    expect(screen.queryByTestId('tx-id-search')).toBeNull()
    list.mockResolvedValueOnce({ items: [row(7)], nextCursor: null, total: { count: 1, amounts: [], basis: SUCCESS } })
    fireEvent.change(screen.getByTestId('tx-search'), { target: { value: ' 2611081401050017981 ' } })
    await act(async () => fireEvent.click(screen.getByTestId('tx-search-submit')))
    expect(screen.getByTestId('tx-id-search').textContent).toBe('按订单号/支付ID查询全年，日期范围不适用')
  })

  it('says the batch number searches the whole year, in English', async () => {
    usePreferences.setState({ locale: 'en-US' })
    await renderList({ batchNo: 'T14010520261102SEK', bookingCurrency: 'SEK' })
    expect(screen.getByTestId('tx-id-search').textContent).toBe('Batch number: searching the whole year, the date range does not apply')
    expect(screen.getByTestId('tx-totals-label').textContent).toBe('Amount (successful)')
  })

  it('says it in English too', async () => {
    usePreferences.setState({ locale: 'en-US' })
    await renderList()
    expect(screen.getByTestId('tx-count').textContent).toBe('123 matching transactions')
    expect(screen.getByTestId('tx-filters').textContent).toBe('Filters')
  })

  it('applies the advanced filters of the sheet to the request, and 重置 takes them off again', async () => {
    await renderList()
    fireEvent.click(screen.getByTestId('tx-filters'))
    const sheet = screen.getByTestId('tx-sheet')
    for (const label of ['时间类型', '划款批次号', '交易币种', '记账币种', '交易类型', '卡种', '是否上传物流单号', '妥投状态', '交易划款', '保证金划款', '终端号', '交易状态']) {
      expect(sheet.textContent).toContain(label)
    }
    for (const option of ['交易时间', '划款时间', '记账时间', '消费', '预授权', 'American Express', '已上传', '未上传', '运输中', '已妥投', '未划款', '已划款', '成功', '失败', '处理中']) {
      expect(sheet.textContent).toContain(option)
    }
    // The merchant's terminals from /api/me.
    expect(screen.getByTestId('tx-sheet-option-terminal-14010590')).toBeTruthy()

    list.mockResolvedValueOnce({ items: rows(500, 3), nextCursor: null, total: { count: 3, amounts: [], basis: SUCCESS } })
    fireEvent.click(screen.getByTestId('tx-sheet-option-timeType-settlement'))
    fireEvent.change(screen.getByTestId('tx-sheet-text-batchNo'), { target: { value: ' STL-140105-1 ' } })
    fireEvent.click(screen.getByTestId('tx-sheet-option-currency-USD'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-bookingCurrency-CNY'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-txnType-authorization'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-cardBrand-JCB'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-tracking-missing'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-delivery-in_transit'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-fundsStatus-settled'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-depositStatus-unsettled'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-terminal-14010588'))
    fireEvent.click(screen.getByTestId('tx-sheet-option-status-failure'))
    await act(async () => fireEvent.click(screen.getByTestId('tx-sheet-apply')))

    expect(lastQuery()).toEqual({
      from: `${addDays(today, -6)}T00:00:00+08:00`,
      to: `${today}T23:59:59+08:00`,
      timeType: 'settlement',
      batchNo: 'STL-140105-1',
      currency: 'USD',
      bookingCurrency: 'CNY',
      txnType: 'authorization',
      cardBrand: 'JCB',
      tracking: 'missing',
      delivery: 'in_transit',
      fundsStatus: 'settled',
      depositStatus: 'unsettled',
      terminal: '14010588',
      status: 'failure',
      limit: 20,
    })
    expect(await screen.findByText('查询出3条符合条件数据')).toBeTruthy()
    expect(screen.getByTestId('tx-filters').textContent).toBe('高级筛选（12）')
    expect(screen.queryByTestId('tx-sheet')).toBeNull()
    expect(Taro.pageScrollTo).toHaveBeenCalled()

    list.mockResolvedValueOnce(FIRST)
    fireEvent.click(screen.getByTestId('tx-filters'))
    fireEvent.click(screen.getByTestId('tx-sheet-reset'))
    await act(async () => fireEvent.click(screen.getByTestId('tx-sheet-apply')))
    expect(lastQuery()).toEqual({ from: `${addDays(today, -6)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00`, limit: 20 })
    expect(await screen.findByText('查询出123条符合条件数据')).toBeTruthy()
  })

  it('falls back to the terminals of the loaded rows when /api/me does not answer', async () => {
    me.mockReset()
    me.mockRejectedValue(new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' }))
    await renderList()
    fireEvent.click(screen.getByTestId('tx-filters'))
    expect(screen.getByTestId('tx-sheet-option-terminal-14010588')).toBeTruthy()
    expect(screen.getByTestId('tx-sheet-option-terminal-14010589')).toBeTruthy()
    expect(screen.queryByTestId('tx-sheet-option-terminal-14010590')).toBeNull()
  })

  it('appends the next page with the cursor, without asking for the count again', async () => {
    await renderList()
    list.mockResolvedValueOnce({ items: rows(21, 20), nextCursor: null })
    await act(async () => fireEvent.click(screen.getByTestId('tx-load-more')))
    expect(lastQuery()).toMatchObject({ cursor: 'cursor-1', limit: 20, from: `${addDays(today, -6)}T00:00:00+08:00` })
    // Page 2 carries no total: the count stays.
    expect(screen.getByTestId('tx-count').textContent).toBe('查询出123条符合条件数据')
    // The rows near the top are rendered; the appended ones exist below the window (spacer) …
    expect(screen.getByTestId('tx-row-P000001')).toBeTruthy()
    expect(screen.getByTestId('tx-footer').textContent).toBe('没有更多了')
    expect(screen.queryByTestId('tx-load-more')).toBeNull()
  })

  it('renders only a window of rows however many are loaded', async () => {
    await renderList({}, { ...FIRST, items: rows(1, 100) })
    const rendered = document.querySelectorAll('[data-testid^="tx-row-"]').length
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(40)
    // The bottom spacer stands for the rest: (100 − rendered) rows of 216 design px.
    const spacer = screen.getByTestId('tx-row-P000001').parentElement!.lastElementChild as HTMLElement
    expect(spacer.style.height).toBe(`${(100 - rendered) * 216}px`)
  })

  it('searches by order number or payment ID', async () => {
    await renderList()
    list.mockResolvedValueOnce({ items: [row(7)], nextCursor: null, total: { count: 1, amounts: [{ currency: 'USD', amount: '7.50' }], basis: SUCCESS } })
    fireEvent.change(screen.getByTestId('tx-search'), { target: { value: ' test20250515160007 ' } })
    await act(async () => fireEvent.click(screen.getByTestId('tx-search-submit')))
    expect(lastQuery()).toMatchObject({ q: 'test20250515160007' })
    expect(await screen.findByText('查询出1条符合条件数据')).toBeTruthy()
  })

  it('opens the detail of a tapped row', async () => {
    await renderList()
    fireEvent.click(screen.getByTestId('tx-row-P000003'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/finance/transaction-detail/index?paymentId=P000003' })
  })

  it('shows a to-do preset over the whole year, and clears it', async () => {
    await renderList({ status: 'pending', txnType: 'authorization', authStatus: 'pending' })
    expect(queries()[0]).toEqual({
      from: `${oneYearBefore(today)}T00:00:00+08:00`,
      to: `${today}T23:59:59+08:00`,
      status: 'pending',
      txnType: 'authorization',
      authStatus: 'pending',
      limit: 20,
    })
    expect(screen.getByTestId('tx-preset').textContent).toContain('待授权')
    // The status is a sheet filter (交易状态) since issue 11: counted in the badge, kept by 清除.
    expect(screen.getByTestId('tx-preset').textContent).not.toContain('处理中')
    expect(screen.getByTestId('tx-filters').textContent).toBe('高级筛选（2）')
    list.mockResolvedValueOnce(FIRST)
    await act(async () => fireEvent.click(screen.getByTestId('tx-preset-clear')))
    expect(lastQuery()).toEqual({
      from: `${oneYearBefore(today)}T00:00:00+08:00`,
      to: `${today}T23:59:59+08:00`,
      status: 'pending',
      txnType: 'authorization',
      limit: 20,
    })
    expect(screen.queryByTestId('tx-preset')).toBeNull()
  })

  it('explains the one-year limit when a URL asks for more', async () => {
    await renderList({ from: '2020-01-01T00:00:00+08:00', to: `${today}T23:59:59+08:00` })
    expect(queries()[0].from).toBe(`${oneYearBefore(today)}T00:00:00+08:00`)
    const limit = screen.getByTestId('tx-range-limit')
    expect(limit.textContent).toBe(`仅可查询一年内的数据（最早 ${oneYearBefore(today)}）`)
    expect(limit.className).toContain('active')
  })

  it('changes the range with the date pickers', async () => {
    await renderList()
    list.mockResolvedValueOnce(FIRST)
    const [start] = screen.getAllByLabelText('picker') as HTMLInputElement[]
    await act(async () => fireEvent.change(start, { target: { value: addDays(today, -30) } }))
    expect(lastQuery()).toMatchObject({ from: `${addDays(today, -30)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00` })
  })

  it('shows the empty state', async () => {
    await renderList({}, { items: [], nextCursor: null, total: { count: 0, amounts: [], basis: SUCCESS } })
    expect(screen.getByText('查询结果为空')).toBeTruthy()
    expect(screen.getByTestId('tx-count').textContent).toBe('查询出0条符合条件数据')
  })

  it('shows an error with retry, and retries', async () => {
    list.mockRejectedValueOnce(new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' }))
    render(<TransactionsScreen params={{}} />)
    expect(await screen.findByTestId('state-error')).toBeTruthy()
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    list.mockResolvedValueOnce(FIRST)
    await act(async () => fireEvent.click(screen.getByTestId('state-retry')))
    expect(await screen.findByTestId('tx-row-P000001')).toBeTruthy()
  })

  it('offers a retry when a further page fails', async () => {
    await renderList()
    list.mockRejectedValueOnce(new ApiClientError({ kind: 'server', code: 'INTERNAL', status: 500, message: 'boom' }))
    await act(async () => fireEvent.click(screen.getByTestId('tx-load-more')))
    expect(screen.getByTestId('tx-load-more').textContent).toBe('服务暂时不可用，请稍后重试 加载更多')
    list.mockResolvedValueOnce({ items: rows(21, 5), nextCursor: null })
    await act(async () => fireEvent.click(screen.getByTestId('tx-load-more')))
    expect(screen.getByTestId('tx-footer').textContent).toBe('没有更多了')
  })
})
