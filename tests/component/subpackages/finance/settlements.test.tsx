import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SettlementBatch, SettlementsQuery } from '@contract/settlements'
import { ApiClientError, fetchSettlements } from '@/api'
import SettlementsPage from '@/subpackages/finance/settlements'

vi.mock('@/api', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api')>()), fetchSettlements: vi.fn() }))

const settlements = vi.mocked(fetchSettlements)
const money = (amount: string, currency = 'USD') => ({ currency, amount })

function batch(batchNo: string, overrides: Partial<SettlementBatch> = {}): SettlementBatch {
  return {
    batchNo,
    batchType: 'transaction',
    currency: 'USD',
    status: 'pending',
    periodStart: '2025-05-05T00:00:00+08:00',
    periodEnd: '2025-05-12T00:00:00+08:00',
    createdAt: '2025-05-19T10:00:00+08:00',
    settledAt: null,
    txnCount: 218,
    gross: money('22172.02'),
    fee: money('708.33'),
    refund: money('959.55'),
    chargeback: money('19428.81'),
    deposit: money('1108.72'),
    net: money('-714770.83'),
    ...overrides,
  }
}

const calls = (): SettlementsQuery[] => settlements.mock.calls.map(([query]) => query)

beforeEach(() => {
  // 2025-05-15 12:00 Beijing time; only Date is faked so promises and testing-library's timers run normally.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-05-15T04:00:00Z'))
  settlements.mockReset().mockImplementation(async (query) =>
    query.cursor === 'next'
      ? { items: [batch('T14010520250505EUR', { currency: 'EUR', net: money('10.00', 'EUR') })], nextCursor: null }
      : {
          items: [
            batch('T14010520250505USD'),
            batch('D14010520241104JPY', {
              batchType: 'deposit',
              currency: 'JPY',
              status: 'transferred',
              settledAt: '2025-05-12T10:00:00+08:00',
              net: money('2761', 'JPY'),
            }),
          ],
          nextCursor: 'next',
          total: { count: 3 },
        },
  )
})

afterEach(() => {
  vi.useRealTimers()
})

async function renderLoaded() {
  render(<SettlementsPage />)
  await screen.findByTestId('st-row-T14010520250505USD')
}

describe('settlements page', () => {
  it('asks for the last 7 Beijing days by default and shows the count and the batches', async () => {
    await renderLoaded()
    expect(calls()).toEqual([{ from: '2025-05-09T00:00:00+08:00', to: '2025-05-15T23:59:59+08:00' }])
    expect(screen.getByTestId('st-count').textContent).toBe('查询出3条符合条件数据')
    const usd = screen.getByTestId('st-row-T14010520250505USD').textContent ?? ''
    for (const part of ['T14010520250505USD', '待划款', '交易款 · USD · 2025-05-05 ~ 2025-05-11', 'USD -714,770.83', '2025-05-19 10:00:00', '未划款']) {
      expect(usd).toContain(part)
    }
    const jpy = screen.getByTestId('st-row-D14010520241104JPY').textContent ?? ''
    for (const part of ['已划款', '保证金 · JPY', 'JPY 2,761', '划款时间 2025-05-12 10:00:00']) expect(jpy).toContain(part)
  })

  it('shows a negative net amount in red', async () => {
    await renderLoaded()
    expect(screen.getByText('USD -714,770.83').className).toContain('st-row__net--negative')
    expect(screen.getByText('JPY 2,761').className).not.toContain('negative')
  })

  it('applies each filter of the sheet to the request, and shows them as active', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('st-filters'))
    fireEvent.change(screen.getByTestId('st-sheet-text-batchNo'), { target: { value: ' T14010520250505USD ' } })
    fireEvent.click(screen.getByTestId('st-sheet-option-timeType-created'))
    fireEvent.click(screen.getByTestId('st-sheet-option-currency-USD'))
    fireEvent.click(screen.getByTestId('st-sheet-option-batchType-deposit'))
    fireEvent.click(screen.getByTestId('st-sheet-apply'))

    await waitFor(() =>
      expect(calls().at(-1)).toEqual({
        from: '2025-05-09T00:00:00+08:00',
        to: '2025-05-15T23:59:59+08:00',
        batchNo: 'T14010520250505USD',
        timeType: 'created',
        currency: 'USD',
        batchType: 'deposit',
      }),
    )
    expect(screen.queryByTestId('st-sheet')).toBeNull()
    expect(screen.getByTestId('st-filters').textContent).toBe('高级筛选（4）')
    expect(screen.getByTestId('st-active').textContent).toContain('批次 T14010520250505USD')
    expect(screen.getByTestId('st-active').textContent).toContain('生成时间')

    fireEvent.click(screen.getByTestId('st-filters-clear'))
    await waitFor(() => expect(calls().at(-1)).toEqual({ from: '2025-05-09T00:00:00+08:00', to: '2025-05-15T23:59:59+08:00' }))
    expect(screen.getByTestId('st-filters').textContent).toBe('高级筛选')
  })

  it('changes the day range, never further back than one year', async () => {
    await renderLoaded()
    const [start] = screen.getAllByLabelText('picker')
    fireEvent.change(start, { target: { value: '2025-01-01' } })
    await waitFor(() => expect(calls().at(-1)).toMatchObject({ from: '2025-01-01T00:00:00+08:00' }))
    fireEvent.change(start, { target: { value: '2023-01-01' } })
    await waitFor(() => expect(calls().at(-1)).toMatchObject({ from: '2024-05-15T00:00:00+08:00' }))
  })

  it('appends the next page with the cursor of the same filter', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('st-load-more'))
    await screen.findByTestId('st-row-T14010520250505EUR')
    expect(calls().at(-1)).toEqual({ from: '2025-05-09T00:00:00+08:00', to: '2025-05-15T23:59:59+08:00', cursor: 'next' })
    expect(screen.getByTestId('st-row-T14010520250505USD')).toBeTruthy()
    expect(screen.queryByTestId('st-load-more')).toBeNull()
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('opens the batch detail of a tapped row', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('st-row-T14010520250505USD'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/finance/settlement-detail/index?batchNo=T14010520250505USD' })
  })

  it('shows the empty state with the zero count', async () => {
    settlements.mockResolvedValueOnce({ items: [], nextCursor: null, total: { count: 0 } })
    render(<SettlementsPage />)
    await screen.findByText('查询结果为空')
    expect(screen.getByTestId('st-count').textContent).toBe('查询出0条符合条件数据')
    expect(screen.queryByTestId('st-load-more')).toBeNull()
  })

  it('shows a server error with its request id, and retries', async () => {
    settlements.mockRejectedValueOnce(new ApiClientError({ kind: 'server', code: 'INTERNAL', status: 500, message: 'x', requestId: 'req-9' }))
    render(<SettlementsPage />)
    await screen.findByTestId('state-error')
    expect(screen.getByText('请求编号 req-9')).toBeTruthy()
    fireEvent.click(screen.getByTestId('state-retry'))
    await screen.findByTestId('st-row-T14010520250505USD')
  })
})
