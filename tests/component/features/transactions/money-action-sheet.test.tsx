/**
 * The money action sheets: amount checked as typed, the one-sentence confirmation, the PIN (set twice, enter,
 * wrong with tries left, locked), the same Idempotency-Key on a retry and a new one per opening, pending → final
 * by polling on a fake clock, and each failure as one sentence in both languages.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiClientError } from '@/api'
import { MoneyActionSheet, type MoneyActionOffer, type MoneyActionSheetProps } from '@/features/transactions/actions/money-action-sheet'
import { usePreferences } from '@/stores/preferences'
import { ACTION_FAILURES, type ActionRecord } from '@contract/actions'

type Endpoints = NonNullable<MoneyActionSheetProps['endpoints']>

const REFUND: MoneyActionOffer = {
  kind: 'refund',
  paymentId: '2611081401050017981',
  orderNumber: 'MK20261108101010001',
  max: { currency: 'USD', amount: '12.50' },
}

function record(overrides: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: 'act-1',
    kind: 'refund',
    paymentId: REFUND.paymentId,
    orderNumber: REFUND.orderNumber,
    amount: { currency: 'USD', amount: '12.50' },
    status: 'pending',
    failure: null,
    gatewayCode: null,
    actor: { username: '张敏', maskedPhone: '138****8000' },
    createdAt: '2026-12-03T10:00:00+08:00',
    updatedAt: '2026-12-03T10:00:00+08:00',
    ...overrides,
  }
}

function fakeEndpoints(overrides: Partial<Endpoints> = {}): Endpoints {
  return {
    fetchPinState: vi.fn(() => Promise.resolve({ set: true, locked: false, triesLeft: 5 })),
    setPin: vi.fn(() => Promise.resolve()),
    refund: vi.fn(() => Promise.resolve(record())),
    capture: vi.fn(() => Promise.resolve(record({ kind: 'capture', status: 'succeeded' }))),
    voidAuthorization: vi.fn(() => Promise.resolve(record({ kind: 'void', amount: null, status: 'succeeded' }))),
    fetchAction: vi.fn(() => Promise.resolve(record({ status: 'succeeded' }))),
    ...overrides,
  }
}

const apiError = (status: number, code: string, extra: Partial<ApiClientError> = {}) =>
  Object.assign(new ApiClientError({ kind: status >= 500 ? 'server' : 'validation', code: code as never, status, message: code }), extra)

async function typePin(pin: string) {
  await screen.findByTestId('pin-key-0')
  for (const digit of pin) fireEvent.click(screen.getByTestId(`pin-key-${digit}`))
}

async function throughConfirmation(reason = 'Customer returned the goods') {
  fireEvent.change(screen.getByTestId('action-reason'), { target: { value: reason } })
  fireEvent.click(screen.getByTestId('action-next'))
  fireEvent.click(await screen.findByTestId('action-confirm-ok'))
}

beforeEach(() => usePreferences.setState({ locale: 'zh-CN' }))
afterEach(() => vi.useRealTimers())

describe('the amount', () => {
  it('is prefilled with the maximum and checked as the user types', () => {
    render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={fakeEndpoints()} />)
    const input = screen.getByTestId('action-amount') as HTMLInputElement
    expect(input.value).toBe('12.50')
    const problemFor = (value: string) => {
      fireEvent.change(input, { target: { value } })
      return screen.queryByTestId('action-amount-problem')?.textContent ?? null
    }
    expect(problemFor('12.51')).toBe('不能超过 USD 12.50')
    expect(problemFor('0')).toBe('金额须大于 0')
    expect(problemFor('0.00')).toBe('金额须大于 0')
    expect(problemFor('1.234')).toBe('USD 最多 2 位小数')
    expect(problemFor('-1')).toBe('请输入数字金额，例如 12.50')
    expect(problemFor('')).toBe('请输入金额')
    expect(problemFor('3.5')).toBeNull()
  })

  it('has no decimals in JPY', () => {
    render(<MoneyActionSheet offer={{ ...REFUND, max: { currency: 'JPY', amount: '2761' } }} onClose={vi.fn()} endpoints={fakeEndpoints()} />)
    fireEvent.change(screen.getByTestId('action-amount'), { target: { value: '100.5' } })
    expect(screen.getByTestId('action-amount-problem').textContent).toBe('JPY 不支持小数')
  })

  it('needs a reason of 1–100 characters for a refund before going on', () => {
    render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={fakeEndpoints()} />)
    fireEvent.click(screen.getByTestId('action-next'))
    expect(screen.queryByTestId('action-confirm')).toBeNull()
    fireEvent.change(screen.getByTestId('action-reason'), { target: { value: '   ' } })
    expect(screen.getByTestId('action-reason-problem')).toBeTruthy()
    fireEvent.click(screen.getByTestId('action-next'))
    expect(screen.queryByTestId('action-confirm')).toBeNull()
    fireEvent.change(screen.getByTestId('action-reason'), { target: { value: 'Returned' } })
    fireEvent.click(screen.getByTestId('action-next'))
    expect(screen.getByTestId('action-confirm')).toBeTruthy()
  })
})

describe('the confirmation', () => {
  it('states the effect in one sentence, in each language', async () => {
    const { unmount } = render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={fakeEndpoints()} />)
    fireEvent.change(screen.getByTestId('action-reason'), { target: { value: 'Returned' } })
    fireEvent.click(screen.getByTestId('action-next'))
    expect(screen.getByTestId('action-sentence').textContent).toBe('将向持卡人退款 USD 12.50，退款发起后不可撤回')
    unmount()
    usePreferences.setState({ locale: 'en-US' })
    render(<MoneyActionSheet offer={{ ...REFUND, kind: 'capture', daysLeft: 3 }} onClose={vi.fn()} endpoints={fakeEndpoints()} />)
    expect(screen.getByTestId('action-days-left').textContent).toBe('The authorization expires in 3 days')
    fireEvent.change(screen.getByTestId('action-amount'), { target: { value: '10' } })
    fireEvent.click(screen.getByTestId('action-next'))
    expect(screen.getByTestId('action-sentence').textContent).toBe('USD 10.00 will be captured on order MK20261108101010001; a capture cannot be taken back.')
  })

  it('void takes no amount and says what is released', () => {
    render(<MoneyActionSheet offer={{ ...REFUND, kind: 'void', daysLeft: 0 }} onClose={vi.fn()} endpoints={fakeEndpoints()} />)
    expect(screen.queryByTestId('action-amount')).toBeNull()
    expect(screen.getByTestId('action-days-left').textContent).toBe('预授权今天到期')
    fireEvent.click(screen.getByTestId('action-next'))
    expect(screen.getByTestId('action-sentence').textContent).toBe(
      '将撤销订单 MK20261108101010001 的预授权 USD 12.50 并释放持卡人的额度，撤销后不可恢复',
    )
  })
})

describe('the action PIN', () => {
  it('is set twice on first use, then the action is sent with it', async () => {
    const endpoints = fakeEndpoints({ fetchPinState: vi.fn(() => Promise.resolve({ set: false, locked: false, triesLeft: 5 })) })
    render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={endpoints} />)
    await throughConfirmation()
    await waitFor(() => expect(screen.getByTestId('pin-prompt').textContent).toBe('首次操作，请设置 6 位操作密码'))
    await typePin('135790')
    expect(screen.getByTestId('pin-prompt').textContent).toBe('请再次输入操作密码')
    await typePin('135791')
    expect(screen.getByTestId('pin-problem').textContent).toBe('两次输入不一致，请重新设置')
    expect(screen.getByTestId('pin-prompt').textContent).toBe('首次操作，请设置 6 位操作密码')
    await typePin('135790')
    await typePin('135790')
    await waitFor(() => expect(endpoints.refund).toHaveBeenCalledTimes(1))
    expect(endpoints.setPin).toHaveBeenCalledWith({ pin: '135790' })
    expect(endpoints.refund).toHaveBeenCalledWith(REFUND.paymentId, { amount: '12.50', reason: 'Customer returned the goods', pin: '135790' }, expect.any(String))
  })

  it('says how many tries are left after a wrong PIN and sends the retry with the same key', async () => {
    const refund = vi.fn().mockRejectedValueOnce(apiError(403, 'ACTION_PIN_WRONG', { triesLeft: 3 })).mockResolvedValueOnce(record())
    const endpoints = fakeEndpoints({ refund })
    render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={endpoints} />)
    await throughConfirmation()
    await typePin('111111')
    expect((await screen.findByTestId('pin-problem')).textContent).toBe('操作密码错误，还可尝试 3 次')
    await typePin('246810')
    await screen.findByTestId('action-result-pending')
    expect(refund.mock.calls[1][2]).toBe(refund.mock.calls[0][2])
  })

  it('locked: says to ask the ODPM administrator, and offers no pad', async () => {
    const endpoints = fakeEndpoints({ fetchPinState: vi.fn(() => Promise.resolve({ set: true, locked: true, triesLeft: 0 })) })
    render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={endpoints} />)
    await throughConfirmation()
    expect((await screen.findByTestId('pin-locked')).textContent).toBe('操作密码已锁定，请联系 ODPM 管理员重置')
    expect(screen.queryByTestId('pin-pad')).toBeNull()
  })

  it('locks on the fifth wrong try', async () => {
    const endpoints = fakeEndpoints({ refund: vi.fn(() => Promise.reject(apiError(423, 'ACTION_PIN_LOCKED'))) })
    render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={endpoints} />)
    await throughConfirmation()
    await typePin('000000')
    await screen.findByTestId('pin-locked')
  })
})

describe('after sending', () => {
  it('shows pending, then the final state without a refresh, polling with growing waits', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false })
    const fetchAction = vi
      .fn()
      .mockResolvedValueOnce(record({ status: 'pending' }))
      .mockResolvedValueOnce(record({ status: 'succeeded' }))
    const endpoints = fakeEndpoints({ fetchAction })
    const onClose = vi.fn()
    render(<MoneyActionSheet offer={REFUND} onClose={onClose} endpoints={endpoints} />)
    fireEvent.change(screen.getByTestId('action-reason'), { target: { value: 'Returned' } })
    fireEvent.click(screen.getByTestId('action-next'))
    fireEvent.click(screen.getByTestId('action-confirm-ok'))
    await act(() => vi.advanceTimersByTimeAsync(0))
    for (const digit of '246810') fireEvent.click(screen.getByTestId(`pin-key-${digit}`))
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(screen.getByTestId('action-headline').textContent).toBe('已提交，正在等待 Oceanpayment 的处理结果…')
    await act(() => vi.advanceTimersByTimeAsync(999))
    expect(fetchAction).not.toHaveBeenCalled()
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(fetchAction).toHaveBeenCalledTimes(1)
    await act(() => vi.advanceTimersByTimeAsync(1_999))
    expect(fetchAction).toHaveBeenCalledTimes(1)
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(fetchAction).toHaveBeenCalledTimes(2)
    expect(screen.getByTestId('action-headline').textContent).toBe('退款成功')
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(fetchAction).toHaveBeenCalledTimes(2)
    fireEvent.click(screen.getByTestId('action-done'))
    expect(onClose).toHaveBeenCalledWith(true)
  })

  it('a refused action says why in one sentence and changes nothing', async () => {
    const endpoints = fakeEndpoints({
      refund: vi.fn(() => Promise.reject(apiError(422, 'ACTION_REFUSED', { failure: 'amount-exceeds-refundable' }))),
    })
    const onClose = vi.fn()
    render(<MoneyActionSheet offer={REFUND} onClose={onClose} endpoints={endpoints} />)
    await throughConfirmation()
    await typePin('246810')
    expect((await screen.findByTestId('action-failure')).textContent).toBe('金额超过了可退款金额')
    fireEvent.click(screen.getByTestId('action-done'))
    expect(onClose).toHaveBeenCalledWith(false)
  })

  it('a failed final state says why, with Oceanpayment\'s code where it refused', async () => {
    usePreferences.setState({ locale: 'en-US' })
    const endpoints = fakeEndpoints({ refund: vi.fn(() => Promise.resolve(record({ status: 'failed', failure: 'gateway-rejected', gatewayCode: '40' }))) })
    const onClose = vi.fn()
    render(<MoneyActionSheet offer={REFUND} onClose={onClose} endpoints={endpoints} />)
    await throughConfirmation()
    await typePin('246810')
    expect((await screen.findByTestId('action-failure')).textContent).toBe('Oceanpayment refused this action (code 40).')
    expect(screen.getByTestId('action-headline').textContent).toBe('Refund failed')
    fireEvent.click(screen.getByTestId('action-done'))
    expect(onClose).toHaveBeenCalledWith(false)
  })

  it('no answer: the retry sends the same Idempotency-Key; a new opening makes a new one', async () => {
    const refund = vi.fn().mockRejectedValueOnce(apiError(0, 'NETWORK', { kind: 'network' } as never)).mockResolvedValueOnce(record())
    const endpoints = fakeEndpoints({ refund })
    const { unmount } = render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={endpoints} />)
    await throughConfirmation()
    await typePin('246810')
    fireEvent.click(await screen.findByTestId('action-retry-button'))
    await typePin('246810')
    await screen.findByTestId('action-result-pending')
    expect(refund.mock.calls[1][2]).toBe(refund.mock.calls[0][2])
    unmount()
    render(<MoneyActionSheet offer={REFUND} onClose={vi.fn()} endpoints={endpoints} />)
    refund.mockResolvedValueOnce(record())
    await throughConfirmation()
    await typePin('246810')
    await waitFor(() => expect(refund).toHaveBeenCalledTimes(3))
    expect(refund.mock.calls[2][2]).not.toBe(refund.mock.calls[0][2])
  })
})

describe('days left', () => {
  it('says unknown, today, N days, or how long ago it expired', async () => {
    const { daysLeftText } = await import('@/features/transactions/actions/outcome')
    const { ACTION_WORDS } = await import('@/i18n/features/actions')
    const { fillParams } = await import('@/i18n/translate')
    const w = (key: keyof (typeof ACTION_WORDS)['zh-CN'], params?: Record<string, string | number>) => fillParams(ACTION_WORDS['zh-CN'][key], params)
    expect(daysLeftText(w, null)).toBe('预授权到期日未知')
    expect(daysLeftText(w, 0)).toBe('预授权今天到期')
    expect(daysLeftText(w, 6)).toBe('预授权还有 6 天到期')
    expect(daysLeftText(w, -2)).toBe('预授权已过期 2 天，发卡行可能拒绝请款')
  })
})

describe('failure sentences', () => {
  it('has one sentence for every failure, in both languages', async () => {
    const { failureSentence } = await import('@/features/transactions/actions/outcome')
    const { ACTION_WORDS } = await import('@/i18n/features/actions')
    const { fillParams } = await import('@/i18n/translate')
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const w = (key: keyof (typeof ACTION_WORDS)['zh-CN'], params?: Record<string, string | number>) => fillParams(ACTION_WORDS[locale][key], params)
      const sentences = ACTION_FAILURES.map((failure) => failureSentence(w, failure))
      expect(new Set(sentences).size).toBe(ACTION_FAILURES.length)
      for (const sentence of sentences) expect(sentence).not.toMatch(/\{|actions\./)
    }
  })
})
