/**
 * The charts screen in jsdom with the API mocked: default cards, the chart-type multi-select, the case tabs,
 * presets and pickers that refetch, and each card's own error-with-retry and empty states.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiClientError, fetchChart, fetchMe } from '@/api'
import { ChartsScreen } from '@/features/charts/charts-screen'
import { usePreferences } from '@/stores/preferences'
import type { ChartResponse, ChartsQuery, ChartType } from '@contract/charts'
import type { MeResponse } from '@contract/me'
import * as fixtures from '../../../fixtures/charts'

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchChart: vi.fn(),
  fetchMe: vi.fn(),
}))

const FIXTURES: Record<ChartType, () => ChartResponse> = {
  overview: fixtures.overview,
  'success-rate': fixtures.successRate,
  'card-brand-cases': fixtures.cardBrandCases,
  'case-analysis': fixtures.caseAnalysis,
  country: fixtures.country,
  'failure-reasons': fixtures.failureReasons,
  'chargeback-reasons': fixtures.chargebackReasons,
  logistics: fixtures.logistics,
}

const ME = { terminals: ['14010588', '14010599'] } as MeResponse

const chartMock = vi.mocked(fetchChart)

function requestedTypes(): ChartType[] {
  return chartMock.mock.calls.map(([type]) => type)
}

function lastQueryOf(type: ChartType): ChartsQuery | undefined {
  return chartMock.mock.calls.filter(([called]) => called === type).at(-1)?.[1]
}

beforeEach(() => {
  chartMock.mockReset()
  chartMock.mockImplementation((type) => Promise.resolve(FIXTURES[type]()))
  vi.mocked(fetchMe).mockReset()
  vi.mocked(fetchMe).mockResolvedValue(ME)
})

async function renderScreen() {
  render(<ChartsScreen />)
  await waitFor(() => expect(screen.getAllByTestId('chart-table-row').length).toBeGreaterThan(0))
}

describe('charts screen', () => {
  it('opens on 近七日 with the three default cards, each with its chart and table', async () => {
    await renderScreen()
    expect(screen.getByTestId('chart-range').textContent).toMatch(/^近七日\d{4}-\d{2}-\d{2}~\d{4}-\d{2}-\d{2}$/)
    expect(requestedTypes().sort()).toEqual(['card-brand-cases', 'overview', 'success-rate'])
    for (const [, query] of chartMock.mock.calls) expect(query).toEqual({ range: '7d' })
    for (const type of ['overview', 'success-rate', 'card-brand-cases']) {
      const card = screen.getByTestId(`chart-card-${type}`)
      await waitFor(() => expect(within(card).getByTestId(`chart-canvas-${type}`)).toBeTruthy())
      expect(within(card).getByTestId(`chart-table-${type}`)).toBeTruthy()
    }
    expect(within(screen.getByTestId('chart-table-overview')).getByText('83.33%')).toBeTruthy()
  })

  it('the multi-select shows the chosen types, in catalogue order, only after 确认', async () => {
    await renderScreen()
    fireEvent.click(screen.getByTestId('chart-types'))
    fireEvent.click(screen.getByTestId('chart-type-logistics'))
    fireEvent.click(screen.getByTestId('chart-type-country'))
    fireEvent.click(screen.getByTestId('chart-type-overview'))
    // Nothing changes before 确认.
    expect(screen.queryByTestId('chart-card-country')).toBeNull()
    expect(screen.getByTestId('chart-card-overview')).toBeTruthy()

    fireEvent.click(screen.getByTestId('chart-types-confirm'))
    const cards = screen.getAllByTestId(/^chart-card-/).map((card) => card.getAttribute('data-testid'))
    expect(cards).toEqual(['chart-card-country', 'chart-card-success-rate', 'chart-card-card-brand-cases', 'chart-card-logistics'])
    await waitFor(() => expect(within(screen.getByTestId('chart-card-country')).getByText('美国')).toBeTruthy())
    expect(within(screen.getByTestId('chart-card-logistics')).getByText('已妥投')).toBeTruthy()
    expect(screen.queryByTestId('chart-types-confirm')).toBeNull()
  })

  it('refuses to confirm an empty selection and says why', async () => {
    await renderScreen()
    fireEvent.click(screen.getByTestId('chart-types'))
    for (const type of ['overview', 'success-rate', 'card-brand-cases']) fireEvent.click(screen.getByTestId(`chart-type-${type}`))
    expect(screen.getByText('请至少选择一种图表类型')).toBeTruthy()
    fireEvent.click(screen.getByTestId('chart-types-confirm'))
    expect(screen.getByTestId('chart-types-confirm')).toBeTruthy()
    expect(screen.getAllByTestId(/^chart-card-/)).toHaveLength(3)
  })

  it('the case tabs switch the table of 整体拒付、伪冒和退款(区分卡种) without refetching', async () => {
    await renderScreen()
    const card = screen.getByTestId('chart-card-card-brand-cases')
    const header = () => within(card).getByTestId('chart-table-card-brand-cases').firstElementChild?.firstElementChild?.textContent
    expect(header()).toBe('日期拒付笔数拒付率')
    const calls = chartMock.mock.calls.length
    fireEvent.click(within(card).getByTestId('chart-tab-fraud'))
    expect(header()).toBe('日期伪冒笔数伪冒率')
    fireEvent.click(within(card).getByTestId('chart-tab-refund'))
    expect(header()).toBe('日期退款笔数退款率')
    expect(within(card).getByText('3.00%')).toBeTruthy()
    expect(chartMock.mock.calls.length).toBe(calls)
  })

  it('a failed card shows the error with retry, and retry loads it; the other cards are unaffected', async () => {
    chartMock.mockImplementation((type) =>
      type === 'overview'
        ? Promise.reject(new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' }))
        : Promise.resolve(FIXTURES[type]()),
    )
    await renderScreen()
    const card = screen.getByTestId('chart-card-overview')
    await waitFor(() => expect(within(card).getByTestId('state-error')).toBeTruthy())
    expect(within(card).getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    expect(within(screen.getByTestId('chart-card-success-rate')).getByTestId('chart-table-success-rate')).toBeTruthy()

    chartMock.mockImplementation((type) => Promise.resolve(FIXTURES[type]()))
    fireEvent.click(within(card).getByTestId('state-retry'))
    await waitFor(() => expect(within(card).getByTestId('chart-table-overview')).toBeTruthy())
    expect(within(card).queryByTestId('state-error')).toBeNull()
  })

  it('shows the SPEC empty state in a card whose range has no data', async () => {
    chartMock.mockImplementation((type) => Promise.resolve(type === 'overview' ? { ...fixtures.emptyGrouped(), type: 'overview' } : FIXTURES[type]()))
    await renderScreen()
    await waitFor(() => expect(within(screen.getByTestId('chart-card-overview')).getByText('查询结果为空')).toBeTruthy())
  })

  it('presets and the custom range refetch every card with the new range', async () => {
    await renderScreen()
    fireEvent.click(screen.getByTestId('chart-range-30d'))
    await waitFor(() => expect(lastQueryOf('overview')).toEqual({ range: '30d' }))
    expect(lastQueryOf('card-brand-cases')).toEqual({ range: '30d' })
    expect(screen.getByTestId('chart-range').textContent).toMatch(/^近30日/)

    fireEvent.click(screen.getByTestId('chart-range-custom'))
    const fromPicker = screen.getByText('开始日期').closest('label')?.querySelector('input')
    if (!fromPicker) throw new Error('no start-date picker')
    const today = (fromPicker.getAttribute('max') ?? '').slice(0, 10)
    expect(fromPicker.getAttribute('min')).toBe(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`)
    const day = (fromPicker.getAttribute('value') ?? '').slice(0, 10)
    const to = screen.getByText('结束日期').closest('label')?.querySelector('input')?.getAttribute('value')
    fireEvent.change(fromPicker, { target: { value: day } })
    await waitFor(() => expect(lastQueryOf('overview')).toEqual({ from: `${day}T00:00:00+08:00`, to: `${to}T23:59:59+08:00` }))
  })

  it('the terminal and card-brand pickers narrow every card’s query', async () => {
    await renderScreen()
    fireEvent.click(screen.getByTestId('chart-terminal'))
    expect(screen.getByTestId('chart-terminal-option-all')).toBeTruthy()
    fireEvent.click(screen.getByTestId('chart-terminal-option-14010599'))
    await waitFor(() => expect(lastQueryOf('overview')).toEqual({ range: '7d', terminal: '14010599' }))
    expect(screen.getByTestId('chart-terminal').textContent).toContain('14010599')

    fireEvent.click(screen.getByTestId('chart-brand'))
    fireEvent.click(screen.getByTestId('chart-brand-option-American-Express'))
    await waitFor(() => expect(lastQueryOf('success-rate')).toEqual({ range: '7d', terminal: '14010599', cardBrand: 'American Express' }))

    fireEvent.click(screen.getByTestId('chart-terminal'))
    fireEvent.click(screen.getByTestId('chart-terminal-option-all'))
    await waitFor(() => expect(lastQueryOf('overview')).toEqual({ range: '7d', cardBrand: 'American Express' }))
    expect(screen.getByTestId('chart-terminal').textContent).toContain('全部终端')
  })

  it('states each card’s date basis under its title, and shows a day without transactions as "—", not 0.00%', async () => {
    await renderScreen()
    expect(screen.getByTestId('chart-basis-overview').textContent).toBe('按交易日期统计（北京时间）')
    expect(screen.getByTestId('chart-basis-card-brand-cases').textContent).toContain('后来被拒付、伪冒或退款')
    const emptyDay = within(screen.getByTestId('chart-table-overview'))
      .getAllByTestId('chart-table-row')
      .find((row) => row.textContent?.startsWith('2025-05-09'))
    expect(emptyDay?.textContent).toBe('2025-05-090000—')
    act(() => usePreferences.setState({ locale: 'en-US' }))
    expect(screen.getByTestId('chart-basis-overview').textContent).toBe('By transaction date (Beijing time)')
  })

  it('relabels cards, tables and filters in English', async () => {
    await renderScreen()
    act(() => usePreferences.setState({ locale: 'en-US' }))
    expect(screen.getByText('Overall transactions')).toBeTruthy()
    expect(screen.getByTestId('chart-range').textContent).toMatch(/^Last 7 days/)
    expect(within(screen.getByTestId('chart-table-card-brand-cases')).getByText('Chargeback rate')).toBeTruthy()
  })
})
