import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SettlementDetail } from '@contract/settlements'
import type { TransactionListItem } from '@contract/transactions'
import { ApiClientError, fetchSettlement, fetchTransactions } from '@/api'
import SettlementDetailPage from '@/subpackages/finance/settlement-detail'

const router = vi.hoisted(() => ({ params: { batchNo: 'T14010520261102USD' } as Record<string, string | undefined> }))
vi.mock('@tarojs/taro', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tarojs/taro')>()),
  useRouter: () => ({ params: router.params, path: '/subpackages/finance/settlement-detail/index' }),
}))
vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchSettlement: vi.fn(),
  fetchTransactions: vi.fn(),
}))

const settlement = vi.mocked(fetchSettlement)
const transactions = vi.mocked(fetchTransactions)
const usd = (amount: string) => ({ currency: 'USD', amount })

function txn(n: number): TransactionListItem {
  return {
    paymentId: `26110314010500${n}`,
    orderNumber: `OD2026110300${n}`,
    terminal: '14010588',
    paymentMethod: 'Credit Card',
    cardBrand: 'Visa',
    txnType: 'sale',
    status: 'success',
    authStatus: null,
    amount: usd(`${n}00.00`),
    refundStatus: 'none',
    paymentTime: '2026-11-03T09:15:00+08:00',
    settlementTime: null,
  }
}

const BATCH: SettlementDetail = {
  batchNo: 'T14010520261102USD',
  batchType: 'transaction',
  currency: 'USD',
  status: 'pending',
  periodStart: '2026-11-02T00:00:00+08:00',
  periodEnd: '2026-11-09T00:00:00+08:00',
  createdAt: '2026-11-16T10:00:00+08:00',
  settledAt: null,
  txnCount: 218,
  gross: usd('22172.02'),
  fee: usd('708.33'),
  refund: usd('959.55'),
  chargeback: usd('19428.81'),
  deposit: usd('1108.72'),
  net: usd('-33.39'),
  transactions: { items: [txn(1), txn(2)], nextCursor: 'c2', total: { count: 218, amounts: [usd('22172.02')] } },
}

beforeEach(() => {
  router.params = { batchNo: 'T14010520261102USD' }
  settlement.mockReset().mockResolvedValue(BATCH)
  transactions.mockReset().mockResolvedValue({ items: [txn(3)], nextCursor: null })
})

describe('settlement batch detail', () => {
  it('shows every figure of the batch', async () => {
    render(<SettlementDetailPage />)
    await screen.findByTestId('st-detail')
    expect(settlement).toHaveBeenCalledWith('T14010520261102USD')
    const text = screen.getByTestId('st-detail').textContent ?? ''
    for (const part of ['T14010520261102USD', '待划款', '交易款', '2026-11-02 ~ 2026-11-08', '2026-11-16 10:00:00', '未划款', '批次交易（218）']) {
      expect(text).toContain(part)
    }
    expect(screen.getByTestId('st-detail-count').textContent).toBe('218')
    expect(screen.getByTestId('st-detail-gross').textContent).toBe('USD 22,172.02')
    expect(screen.getByTestId('st-detail-fee').textContent).toBe('USD 708.33')
    expect(screen.getByTestId('st-detail-refund').textContent).toBe('USD 959.55')
    expect(screen.getByTestId('st-detail-chargeback').textContent).toBe('USD 19,428.81')
    expect(screen.getByTestId('st-detail-deposit').textContent).toBe('USD 1,108.72')
    expect(screen.getByTestId('st-detail-net').textContent).toBe('USD -33.39')
    expect(screen.getByTestId('st-detail-net').className).toContain('st-money--negative')
  })

  it("lists the batch's transactions and continues them with the same filter and the cursor", async () => {
    render(<SettlementDetailPage />)
    await screen.findByTestId('st-tx-261103140105001')
    fireEvent.click(screen.getByTestId('st-tx-load-more'))
    await screen.findByTestId('st-tx-261103140105003')
    // The cursor is bound to the first page's filter ({ batchNo } over the default year): nothing else may change.
    expect(transactions).toHaveBeenCalledWith({ batchNo: 'T14010520261102USD', cursor: 'c2' })
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('opens a transaction, and the transactions list filtered by the batch', async () => {
    render(<SettlementDetailPage />)
    fireEvent.click(await screen.findByTestId('st-tx-261103140105002'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/finance/transaction-detail/index?paymentId=261103140105002' })
    fireEvent.click(screen.getByTestId('st-view-transactions'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/finance/transactions/index?batchNo=T14010520261102USD' })
  })

  it('shows a transferred batch with its transfer time', async () => {
    settlement.mockResolvedValue({ ...BATCH, status: 'transferred', settledAt: '2026-11-23T10:00:00+08:00' })
    render(<SettlementDetailPage />)
    await screen.findByTestId('st-detail')
    expect(screen.getByText('已划款')).toBeTruthy()
    expect(screen.getByText('2026-11-23 10:00:00')).toBeTruthy()
  })

  it('says when the batch does not exist, and never asks without a batch number', async () => {
    settlement.mockRejectedValue(new ApiClientError({ kind: 'validation', code: 'NOT_FOUND', status: 404, message: 'no' }))
    const { unmount } = render(<SettlementDetailPage />)
    await screen.findByText('划款批次不存在')
    unmount()
    settlement.mockClear()
    router.params = {}
    render(<SettlementDetailPage />)
    await screen.findByTestId('st-not-found')
    expect(settlement).not.toHaveBeenCalled()
  })

  it('retries after a network error', async () => {
    settlement.mockRejectedValueOnce(new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' }))
    render(<SettlementDetailPage />)
    fireEvent.click(await screen.findByTestId('state-retry'))
    await waitFor(() => expect(screen.getByTestId('st-detail')).toBeTruthy())
  })
})
