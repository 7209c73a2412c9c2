import { act, fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CurrencyFunds, FundsResponse } from '@contract/funds'
import { ApiClientError, fetchFunds } from '@/api'
import FundsPage from '@/subpackages/finance/funds'
import { usePreferences } from '@/stores/preferences'

vi.mock('@/api', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api')>()), fetchFunds: vi.fn() }))

const money = (currency: string) => (amount: string) => ({ currency, amount })
function currencyFunds(currency: string, figures: string[]): CurrencyFunds {
  const m = money(currency)
  const [a, b, c, d, e, f, g, h, i, j] = figures
  return {
    currency,
    settlementMethod: 'weekly-t7',
    period: '2025-05-05 ~ 2025-05-11',
    settleable: { transaction: m(a), afterFees: m(b), deposit: m(c) },
    unsettled: { transaction: m(d), afterFeesAndDeposit: m(e), deposit: m(f), total: m(g) },
    transferred: { transaction: m(h), deposit: m(i), total: m(j) },
  }
}

const FUNDS: FundsResponse = {
  currencies: [
    currencyFunds('USD', ['-714770.83', '-720000.00', '5229.17', '67740.89', '60000.00', '6818.84', '66818.84', '4684450.08', '27.07', '4684477.15']),
    currencyFunds('JPY', ['2707', '2600', '107', '2761', '2500', '261', '2761', '52237006', '0', '52237006']),
    currencyFunds('SEK', ['0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '1309.27', '0.00', '1309.27']),
  ],
  asOf: '2025-05-15T16:30:00+08:00',
}

const funds = vi.mocked(fetchFunds)
const line = (id: string) => screen.getByTestId(`funds-${id}`)

beforeEach(() => funds.mockReset())

async function renderLoaded() {
  funds.mockResolvedValue(FUNDS)
  render(<FundsPage />)
  await screen.findByTestId('funds-card')
}

describe('funds page', () => {
  it('shows every figure of the first currency in the seed form, negatives in red, with the as-of time', async () => {
    await renderLoaded()
    expect(screen.getByText('数据更新于 2025-05-15 16:30:00')).toBeTruthy()
    expect(screen.getByText('资金数据有最长 30 分钟的延迟')).toBeTruthy()
    const card = screen.getByTestId('funds-card')
    for (const label of ['结算方式', '时间周期', '可结算金额', '累计未结算金额', '累计划款金额', '扣费后参考金额', '扣费/押金后参考金额']) {
      expect(card.textContent).toContain(label)
    }
    // The method is a key the tables translate: never the English "Weekly (T+7)" in Chinese.
    expect(screen.getByTestId('funds-method').textContent).toBe('周结（T+7）')
    expect(card.textContent).not.toContain('Weekly')
    expect(card.textContent).toContain('2025-05-05 ~ 2025-05-11')
    const expected: Array<[string, string, string]> = [
      ['settleable.transaction', '交易款', 'USD -714,770.83'],
      ['settleable.afterFees', '扣费后参考金额', 'USD -720,000.00'],
      ['settleable.deposit', '保证金', 'USD 5,229.17'],
      ['unsettled.transaction', '交易款', 'USD 67,740.89'],
      ['unsettled.afterFeesAndDeposit', '扣费/押金后参考金额', 'USD 60,000.00'],
      ['unsettled.deposit', '保证金', 'USD 6,818.84'],
      ['unsettled.total', '总计', 'USD 66,818.84'],
      ['transferred.transaction', '交易款', 'USD 4,684,450.08'],
      ['transferred.deposit', '保证金', 'USD 27.07'],
      ['transferred.total', '总计', 'USD 4,684,477.15'],
    ]
    for (const [id, label, amount] of expected) {
      expect(line(id).textContent, id).toBe(`${label}${amount}`)
    }
    expect(screen.getByText('USD -714,770.83').className).toContain('money-text--negative')
    expect(screen.getByText('USD 5,229.17').className).not.toContain('money-text--negative')
  })

  it('offers a chip per currency, flags currencies with a negative figure, and switches the card', async () => {
    await renderLoaded()
    const chips = ['USD', 'JPY', 'SEK'].map((c) => screen.getByTestId(`funds-currency-${c}`))
    expect(chips.map((chip) => chip.textContent)).toEqual(['USD', 'JPY', 'SEK'])
    expect(chips[0].className).toContain('funds__chip--active')
    expect(chips[0].className).toContain('funds__chip--negative')
    expect(chips[1].className).not.toContain('funds__chip--negative')

    fireEvent.click(chips[1])
    expect(screen.getByTestId('funds-currency-JPY').className).toContain('funds__chip--active')
    expect(screen.getByTestId('funds-currency-USD').className).not.toContain('funds__chip--active')
    expect(line('transferred.transaction').textContent).toBe('交易款JPY 52,237,006')
    expect(screen.queryByText('USD -714,770.83')).toBeNull()
  })

  it('shows the loading state, then the error with a retry that loads again', async () => {
    let fail: (error: Error) => void = () => undefined
    funds.mockReturnValueOnce(new Promise((_resolve, reject) => (fail = reject))).mockResolvedValueOnce(FUNDS)
    render(<FundsPage />)
    expect(screen.getByTestId('state-loading')).toBeTruthy()
    await act(async () => fail(new ApiClientError({ kind: 'server', code: 'INTERNAL', status: 500, message: 'boom', requestId: 'req-9' })))
    expect(screen.getByText('服务暂时不可用，请稍后重试')).toBeTruthy()
    expect(screen.getByText('请求编号 req-9')).toBeTruthy()
    fireEvent.click(screen.getByTestId('state-retry'))
    await screen.findByTestId('funds-card')
  })

  it('shows the SPEC empty state when the merchant has no balances', async () => {
    funds.mockResolvedValue({ currencies: [], asOf: '2025-05-15T16:30:00+08:00' })
    render(<FundsPage />)
    await screen.findByText('查询结果为空')
    expect(screen.queryByTestId('funds-card')).toBeNull()
  })

  it('renders in English', async () => {
    act(() => usePreferences.setState({ locale: 'en-US' }))
    await renderLoaded()
    expect(screen.getByText('Updated 2025-05-15 16:30:00')).toBeTruthy()
    expect(line('unsettled.afterFeesAndDeposit').textContent).toBe('Reference after fees/depositUSD 60,000.00')
    expect(screen.getByText('Cumulative transferred')).toBeTruthy()
    expect(screen.getByTestId('funds-method').textContent).toBe('Weekly (T+7)')
    expect(screen.queryByText('累计划款金额')).toBeNull()
  })
})
