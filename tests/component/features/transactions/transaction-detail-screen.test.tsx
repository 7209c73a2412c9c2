import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TransactionDetail } from '@contract/transactions'
import { ApiClientError, fetchTransaction } from '@/api'
import { TransactionDetailScreen } from '@/features/transactions/transaction-detail-screen'

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchTransaction: vi.fn(),
}))

const fetchOne = vi.mocked(fetchTransaction)

const DETAIL: TransactionDetail = {
  paymentId: '250515165256000123',
  orderNumber: 'test20250515165256',
  terminal: '14010588',
  paymentMethod: 'Credit Card',
  cardBrand: 'Visa',
  txnType: 'sale',
  status: 'success',
  authStatus: null,
  amount: { currency: 'USD', amount: '1234.56' },
  refundStatus: 'partial',
  paymentTime: '2025-05-15T16:52:56+08:00',
  settlementTime: '2025-05-21T10:00:00+08:00',
  bookedAt: '2025-05-15T16:52:58+08:00',
  website: 'shop.example.com',
  cardCountry: 'US',
  cardMasked: '411111******1111',
  bookingAmount: { currency: 'CNY', amount: '8888.88' },
  fee: { currency: 'CNY', amount: '-266.67' },
  deposit: { currency: 'CNY', amount: '444.44' },
  refunded: { currency: 'USD', amount: '100.00' },
  refundable: { currency: 'USD', amount: '1134.56' },
  failureCode: null,
  failureReason: null,
  trackingNumber: 'SF1234567890',
  trackingSite: 'https://www.sf-express.com',
  deliveryStatus: 'in_transit',
  fundsStatus: 'settled',
  fundsBatchNo: 'STL-140105-20250521',
  depositStatus: 'unsettled',
  depositBatchNo: null,
  updatedAt: '2025-05-21T10:00:01+08:00',
  cases: [
    {
      id: 'case-1',
      kind: 'chargeback',
      status: 'open',
      reasonCode: '4837',
      reason: 'No cardholder authorization',
      amount: { currency: 'USD', amount: '1234.56' },
      openedAt: '2025-05-30T09:15:00+08:00',
      handledAt: null,
      deadlineAt: '2025-06-09T09:15:00+08:00',
    },
  ],
}

beforeEach(() => fetchOne.mockReset())

describe('transaction detail', () => {
  it('shows every field, grouped, with money and Beijing times formatted', async () => {
    fetchOne.mockResolvedValue(DETAIL)
    render(<TransactionDetailScreen paymentId='250515165256000123' />)
    await screen.findByTestId('txd-basic')
    expect(fetchOne).toHaveBeenCalledWith('250515165256000123')
    const basic = screen.getByTestId('txd-basic').textContent
    for (const text of [
      '基本信息',
      'test20250515165256',
      '250515165256000123',
      '14010588',
      'shop.example.com',
      'Credit Card',
      'Visa 411111******1111',
      '发卡国家美国',
      '交易类型消费',
      '交易状态成功',
      '退款状态部分退款',
      '2025-05-15 16:52:56',
      '2025-05-21 10:00:01',
    ]) {
      expect(basic).toContain(text)
    }
    expect(basic).toContain('授权状态—')
    expect(screen.getByTestId('txd-booked-at').textContent).toContain('记账时间2025-05-15 16:52:58')
    expect(basic).not.toContain('失败原因')
    const amounts = screen.getByTestId('txd-amounts').textContent
    for (const text of ['USD 1,234.56', 'CNY 8,888.88', 'CNY -266.67', 'CNY 444.44', 'USD 100.00', 'USD 1,134.56']) {
      expect(amounts).toContain(text)
    }
    expect(screen.getByText('CNY -266.67').className).toContain('txd-tone--failure')
    const settlement = screen.getByTestId('txd-settlement').textContent
    expect(settlement).toContain('交易划款状态已划款')
    expect(settlement).toContain('STL-140105-20250521')
    expect(settlement).toContain('保证金划款状态未划款')
    expect(settlement).toContain('保证金划款批次号—')
    expect(settlement).toContain('2025-05-21 10:00:00')
    const logistics = screen.getByTestId('txd-logistics').textContent
    expect(logistics).toContain('SF1234567890')
    expect(logistics).toContain('https://www.sf-express.com')
    expect(logistics).toContain('运输中')
    const kase = screen.getByTestId('txd-case-case-1').textContent
    for (const text of ['拒付', '待处理', '4837 未经持卡人授权', 'USD 1,234.56', '2025-05-30 09:15:00']) {
      expect(kase).toContain(text)
    }
  })

  it('puts the case first, open before handled, with its answer deadline (issue 11)', async () => {
    const handled = { ...DETAIL.cases[0], id: 'case-0', status: 'handled' as const, handledAt: '2025-05-31T09:15:00+08:00', deadlineAt: null }
    fetchOne.mockResolvedValue({ ...DETAIL, cases: [handled, DETAIL.cases[0]] })
    render(<TransactionDetailScreen paymentId='250515165256000123' />)
    await screen.findByTestId('txd-basic')
    const sections = [...document.querySelectorAll('[data-testid^="txd-"]')]
      .map((node) => node.getAttribute('data-testid'))
      .filter((id) => ['txd-cases', 'txd-basic', 'txd-amounts'].includes(id ?? ''))
    expect(sections).toEqual(['txd-cases', 'txd-basic', 'txd-amounts'])
    const blocks = [...screen.getByTestId('txd-cases').querySelectorAll('[data-testid^="txd-case-case-"]')]
      .map((node) => node.getAttribute('data-testid'))
      .filter((id) => !(id ?? '').endsWith('-deadline'))
    expect(blocks).toEqual(['txd-case-case-1', 'txd-case-case-0'])
    expect(screen.getByTestId('txd-case-case-1-deadline').textContent).toContain('处理截止2025-06-09 09:15:00')
    expect(screen.getByTestId('txd-case-case-0-deadline').textContent).toContain('处理截止—')
  })

  it('shows the failure reason of a failed payment, and says when there is no case', async () => {
    fetchOne.mockResolvedValue({ ...DETAIL, status: 'failure', failureCode: '05', failureReason: 'Do not honor', cases: [] })
    render(<TransactionDetailScreen paymentId='250515165256000123' />)
    await screen.findByTestId('txd-basic')
    expect(screen.getByTestId('txd-basic').textContent).toContain('失败原因05 Do not honor')
    expect(screen.getByTestId('txd-cases').textContent).toContain('该交易没有拒付、争议、伪冒或调单')
  })

  it('copies the order number and the payment ID on tap', async () => {
    fetchOne.mockResolvedValue(DETAIL)
    render(<TransactionDetailScreen paymentId='250515165256000123' />)
    await screen.findByTestId('txd-basic')
    await act(async () => fireEvent.click(screen.getByTestId('txd-order')))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'test20250515165256' })
    await act(async () => fireEvent.click(screen.getByTestId('txd-payment-id')))
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: '250515165256000123' })
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已复制', icon: 'success' })
  })

  it('says clearly when the payment does not exist', async () => {
    fetchOne.mockRejectedValueOnce(new ApiClientError({ kind: 'validation', code: 'NOT_FOUND', status: 404, message: 'nope' }))
    render(<TransactionDetailScreen paymentId='NOPE' />)
    const missing = await screen.findByTestId('txd-not-found')
    expect(missing.textContent).toContain('未找到该交易')
    expect(missing.textContent).toContain('NOPE')
    expect(screen.queryByTestId('state-retry')).toBeNull()
  })

  it('treats a missing payment ID as not found without asking the server', async () => {
    render(<TransactionDetailScreen paymentId={undefined} />)
    expect(await screen.findByTestId('txd-not-found')).toBeTruthy()
    expect(fetchOne).not.toHaveBeenCalled()
  })

  it('offers a retry on other errors', async () => {
    fetchOne.mockRejectedValueOnce(new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' }))
    render(<TransactionDetailScreen paymentId='250515165256000123' />)
    await screen.findByTestId('state-error')
    fetchOne.mockResolvedValueOnce(DETAIL)
    await act(async () => fireEvent.click(screen.getByTestId('state-retry')))
    expect(await screen.findByTestId('txd-basic')).toBeTruthy()
  })
})
