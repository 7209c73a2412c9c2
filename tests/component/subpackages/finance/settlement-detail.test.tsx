import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SettlementDetail, SettlementRow } from '@contract/settlements'
import { ApiClientError, fetchSettlement, fetchSettlementRows } from '@/api'
import { usePreferences } from '@/stores/preferences'
import SettlementDetailPage from '@/subpackages/finance/settlement-detail'

const router = vi.hoisted(() => ({ params: { batchNo: 'T14010520261102USD' } as Record<string, string | undefined> }))
vi.mock('@tarojs/taro', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tarojs/taro')>()),
  useRouter: () => ({ params: router.params, path: '/subpackages/finance/settlement-detail/index' }),
}))
vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchSettlement: vi.fn(),
  fetchSettlementRows: vi.fn(),
}))

const settlement = vi.mocked(fetchSettlement)
const rowsApi = vi.mocked(fetchSettlementRows)
const usd = (amount: string) => ({ currency: 'USD', amount })

/** A sale paid in CAD, booked in the USD batch: the row leads with the booked USD amount. */
function sale(n: number): SettlementRow {
  return {
    kind: 'transaction',
    paymentId: `26110314010500${n}`,
    orderNumber: `OD2026110300${n}`,
    time: '2026-11-03T09:15:00+08:00',
    transactionAmount: { currency: 'CAD', amount: `${n}36.99` },
    gross: usd(`${n}00.00`),
    fee: usd('3.30'),
    refund: usd('0.00'),
    chargeback: usd('0.00'),
    deposit: usd('5.00'),
    net: usd(`${n * 100 - 9}.70`),
  }
}

const CHARGEBACK: SettlementRow = {
  kind: 'chargeback',
  paymentId: '261020140105009',
  orderNumber: 'OD20261020009',
  time: '2026-11-04T12:00:00+08:00',
  transactionAmount: { currency: 'GBP', amount: '80.00' },
  gross: usd('0.00'),
  fee: usd('0.00'),
  refund: usd('0.00'),
  chargeback: usd('101.25'),
  deposit: usd('0.00'),
  net: usd('-101.25'),
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
  rows: { items: [CHARGEBACK, sale(1), sale(2)], nextCursor: 'c2', total: { count: 231 } },
}

beforeEach(() => {
  router.params = { batchNo: 'T14010520261102USD' }
  settlement.mockReset().mockResolvedValue(BATCH)
  rowsApi.mockReset().mockResolvedValue({ items: [sale(3)], nextCursor: null })
  usePreferences.setState({ locale: 'zh-CN' })
})

describe('settlement batch detail', () => {
  it('shows every figure of the batch', async () => {
    render(<SettlementDetailPage />)
    await screen.findByTestId('st-detail')
    expect(settlement).toHaveBeenCalledWith('T14010520261102USD')
    const text = screen.getByTestId('st-detail').textContent ?? ''
    for (const part of ['T14010520261102USD', '待划款', '交易款', '2026-11-02 ~ 2026-11-08', '2026-11-16 10:00:00', '未划款', '批次明细（231）']) {
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

  it('lists each row at its booked amount in the batch currency, the paid amount as secondary, and its deductions', async () => {
    render(<SettlementDetailPage />)
    const row = await screen.findByTestId('st-tx-transaction-261103140105001')
    const within = (id: string) => row.querySelector(`[data-testid="${id}"]`)?.textContent
    expect(within('st-tx-amount')).toBe('USD 100.00')
    expect(within('st-tx-original')).toBe('交易金额 CAD 136.99')
    expect(within('st-tx-deductions')).toBe('手续费 3.30 · 保证金 5.00')
    expect(within('st-tx-net')).toBe('净额 91.70')
    // A chargeback debited in this batch is a row of its own, negative, in the batch currency.
    const chargeback = screen.getByTestId('st-tx-chargeback-261020140105009')
    expect(chargeback.textContent).toContain('拒付 · OD20261020009')
    expect(chargeback.querySelector('[data-testid="st-tx-amount"]')?.textContent).toBe('USD -101.25')
    expect(chargeback.querySelector('[data-testid="st-tx-amount"]')?.className).toContain('negative')
    expect(screen.getByTestId('st-detail-formula').textContent).toBe(
      '划款净额 = 交易金额 − 手续费 − 退款 − 拒付 − 保证金；各项都是下列明细之和，金额均为 USD。',
    )
  })

  it('shows the rows in English too', async () => {
    usePreferences.setState({ locale: 'en-US' })
    render(<SettlementDetailPage />)
    const row = await screen.findByTestId('st-tx-transaction-261103140105001')
    expect(row.querySelector('[data-testid="st-tx-original"]')?.textContent).toBe('Paid CAD 136.99')
    expect(row.querySelector('[data-testid="st-tx-deductions"]')?.textContent).toBe('Fee 3.30 · Deposit 5.00')
    expect(screen.getByTestId('st-tx-chargeback-261020140105009').textContent).toContain('Chargeback · OD20261020009')
  })

  it("continues the batch's rows with the cursor", async () => {
    render(<SettlementDetailPage />)
    await screen.findByTestId('st-tx-transaction-261103140105001')
    fireEvent.click(screen.getByTestId('st-tx-load-more'))
    await screen.findByTestId('st-tx-transaction-261103140105003')
    expect(rowsApi).toHaveBeenCalledWith('T14010520261102USD', { cursor: 'c2' })
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('opens a transaction, and the transactions list filtered by the batch and its currency as booking currency', async () => {
    render(<SettlementDetailPage />)
    fireEvent.click(await screen.findByTestId('st-tx-transaction-261103140105002'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/finance/transaction-detail/index?paymentId=261103140105002' })
    fireEvent.click(screen.getByTestId('st-view-transactions'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/subpackages/finance/transactions/index?batchNo=T14010520261102USD&bookingCurrency=USD',
    })
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
