/** The option builders: what each of the eight chart types draws, on which axes, and how rates are marked. */
import { describe, expect, it } from 'vitest'
import { chartLabels } from '@/features/charts/labels'
import { buildChartOption, isChartEmpty } from '@/features/charts/options'
import { TOP_COUNTRIES } from '@/features/charts/options/country'
import { MAX_SLICES, pieData } from '@/features/charts/options/shares'
import type { PieDatum } from '@/features/charts/options/types'
import type { ChartResponse } from '@contract/charts'
import * as fixtures from '../../../fixtures/charts'

const zh = chartLabels('zh-CN')
const en = chartLabels('en-US')

const names = (response: ChartResponse, labels = zh, tab?: 'chargeback' | 'fraud' | 'refund') =>
  buildChartOption(response, labels, tab).series.map((series) => series.name)

describe('overview (整体交易分析)', () => {
  const option = buildChartOption(fixtures.overview(), zh)

  it('stacks successes, failures and pending per day (together 交易笔数) and draws the success rate on a second, percent axis', () => {
    expect(option.xAxis?.data).toEqual(['05-08', '05-09', '05-10'])
    expect(option.series.map(({ type, name, yAxisIndex, stack }) => ({ type, name, yAxisIndex, stack }))).toEqual([
      { type: 'bar', name: '成功笔数', yAxisIndex: undefined, stack: 'total' },
      { type: 'bar', name: '失败笔数', yAxisIndex: undefined, stack: 'total' },
      { type: 'bar', name: '处理中笔数', yAxisIndex: undefined, stack: 'total' },
      { type: 'line', name: '成功率(%)', yAxisIndex: 1, stack: undefined },
    ])
    expect(option.series.map((series) => series.data)).toEqual([
      [1000, 0, 3],
      [197, 0, 1],
      [3, 0, 0],
      [83.33, null, 75],
    ])
  })

  it('accounts for every transaction: the stacked bars of a day add up to its 交易笔数', () => {
    const response = fixtures.overview()
    const stacked = option.series.filter((series) => series.stack === 'total').map((series) => series.data as number[])
    response.table.rows.forEach((row, day) => expect(stacked.reduce((sum, data) => sum + data[day], 0)).toBe(row.total))
  })

  it('labels the count axis plainly and the rate axis 0–100 with "%"', () => {
    const [counts, rates] = option.yAxis ?? []
    expect(counts.axisLabel?.formatter).toBeUndefined()
    expect(counts.minInterval).toBe(1)
    expect(rates).toMatchObject({ position: 'right', min: 0, max: 100, axisLabel: { formatter: '{value}%' } })
  })

  it('speaks English when the user chose English', () => {
    expect(names(fixtures.overview(), en)).toEqual(['Successful', 'Failed', 'Pending', 'Success rate(%)'])
  })
})

describe('a day without a denominator (no transactions, no successful payments) is a gap in every rate line, not 0 %', () => {
  const lines = [
    ['overview', buildChartOption(fixtures.overview(), zh)],
    ['success-rate', buildChartOption(fixtures.successRate(), zh)],
    ['card-brand-cases chargeback', buildChartOption(fixtures.cardBrandCases(), zh, 'chargeback')],
    ['card-brand-cases fraud', buildChartOption(fixtures.cardBrandCases(), zh, 'fraud')],
    ['card-brand-cases refund', buildChartOption(fixtures.cardBrandCases(), zh, 'refund')],
  ] as const

  it.each(lines)('%s: the rate of 05-09 is null, the line is broken there and not smoothed across it', (_name, option) => {
    const rate = option.series.find((series) => series.type === 'line')
    expect(rate).toBeDefined()
    expect((rate?.data as Array<number | null>)[1]).toBeNull()
    expect(rate?.connectNulls).toBe(false)
    expect(rate?.smooth).toBe(false)
    // A day between two gaps is a lone point: drawn as a dot, or it would not show at all.
    expect(rate?.showSymbol).toBe(true)
  })

  it('the counts of that day stay 0 (nothing happened): only rates become gaps', () => {
    const option = buildChartOption(fixtures.cardBrandCases(), zh, 'chargeback')
    expect(option.series[0].data).toEqual([5, 0])
  })
})

describe('success rate (整体成功率分析)', () => {
  it('is one line on a percent axis capped at 100 that need not start at zero', () => {
    const option = buildChartOption(fixtures.successRate(), zh)
    expect(option.series).toHaveLength(1)
    expect(option.series[0]).toMatchObject({ type: 'line', name: '成功率(%)', data: [83.33, null, 75] })
    expect(option.yAxis).toEqual([expect.objectContaining({ max: 100, scale: true, axisLabel: expect.objectContaining({ formatter: '{value}%' }) })])
    expect(option.yAxis?.[0].min).toBeUndefined()
  })
})

describe('card-brand cases (整体拒付、伪冒和退款(区分卡种))', () => {
  it.each([
    ['chargeback', ['拒付笔数', '拒付率(%)'], [5, 0], [0.5, null]],
    ['fraud', ['伪冒笔数', '伪冒率(%)'], [2, 0], [0.2, null]],
    ['refund', ['退款笔数', '退款率(%)'], [30, 0], [3, null]],
  ] as const)('the %s tab draws its count as bars and its rate as a line on a right-hand %% axis', (tab, expectedNames, counts, rates) => {
    const option = buildChartOption(fixtures.cardBrandCases(), zh, tab)
    expect(option.series.map((series) => series.name)).toEqual(expectedNames)
    expect(option.series[0]).toMatchObject({ type: 'bar', data: counts })
    expect(option.series[1]).toMatchObject({ type: 'line', data: rates, yAxisIndex: 1 })
    expect(option.yAxis?.[1]).toMatchObject({ position: 'right', min: 0, axisLabel: { formatter: '{value}%' } })
  })
})

describe('case analysis (整体拒付伪冒退款分析)', () => {
  it('groups the three rates per card brand as bars on one percent axis, naming the unknown brand', () => {
    const option = buildChartOption(fixtures.caseAnalysis(), zh)
    expect(option.xAxis?.data).toEqual(['MasterCard', 'Visa', '其他'])
    // Every brand named, slanted, rather than some dropped for overlapping.
    expect(option.xAxis?.axisLabel).toMatchObject({ interval: 0, rotate: 30 })
    expect(option.series.map(({ type, name, data }) => ({ type, name, data }))).toEqual([
      { type: 'bar', name: '拒付率(%)', data: [1, 0.29, 0] },
      { type: 'bar', name: '伪冒率(%)', data: [0.33, 0.14, 0] },
      { type: 'bar', name: '退款率(%)', data: [3, 3, 0] },
    ])
    expect(option.yAxis).toEqual([expect.objectContaining({ axisLabel: expect.objectContaining({ formatter: '{value}%' }) })])
  })
})

describe('issuing countries (各发卡国家交易分布)', () => {
  it('ranks the ten largest countries as horizontal bars, named in the user language, largest on top', () => {
    const option = buildChartOption(fixtures.country(), zh)
    expect(option.yAxis?.[0]).toMatchObject({ type: 'category', inverse: true })
    expect(option.yAxis?.[0].data).toEqual(['美国', '德国', '法国', '英国', '日本', '加拿大', '澳大利亚', '中国', '瑞典', '未知'])
    expect(option.xAxis).toMatchObject({ type: 'value', minInterval: 1 })
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', name: '笔数', data: [5000, 2000, 1500, 1200, 900, 800, 700, 600, 500, 100] })])
    expect(buildChartOption(fixtures.country(), en).yAxis?.[0].data?.[0]).toBe('United States')
  })

  it('when more countries answer than bars fit, sums the smallest into a last 其他 bar, so the bars add up to all', () => {
    const response = fixtures.country()
    response.categories.push('KR', 'NL')
    response.series[0].values.push(50, 40)
    const option = buildChartOption(response, zh)
    expect(option.yAxis?.[0].data).toHaveLength(TOP_COUNTRIES)
    expect(option.yAxis?.[0].data?.slice(0, TOP_COUNTRIES - 1)).toEqual(['美国', '德国', '法国', '英国', '日本', '加拿大', '澳大利亚', '中国', '瑞典'])
    // 未知 100 + 韩国 50 + 荷兰 40 beyond the ninth bar.
    expect(option.yAxis?.[0].data?.at(-1)).toBe('其他')
    expect((option.series[0].data as number[]).at(-1)).toBe(190)
    const total = (response.series[0].values as number[]).reduce((sum, value) => sum + value, 0)
    expect((option.series[0].data as number[]).reduce((sum, value) => sum + value, 0)).toBe(total)
    expect(buildChartOption(response, en).yAxis?.[0].data?.at(-1)).toBe('Others')
  })
})

describe('shares as a ring (failure and chargeback reasons, logistics)', () => {
  it('keeps the largest slices and sums the smallest beyond eight into 其他, exactly', () => {
    const data = pieData(fixtures.manyFailureReasons(), zh)
    expect(data).toHaveLength(MAX_SLICES)
    expect(data[0]).toEqual({ name: '20000 Reason 0', value: 26 })
    // 6 + 5 + 2 + 1 beyond the seventh slice.
    expect(data[MAX_SLICES - 1]).toEqual({ name: '其他', value: 14 })
    expect(pieData(fixtures.manyFailureReasons(), en)[MAX_SLICES - 1].name).toBe('Others')
    const total = fixtures.manyFailureReasons().series[0].values.reduce<number>((sum, value) => sum + (value ?? 0), 0)
    expect(data.reduce((sum, datum) => sum + datum.value, 0)).toBe(total)
  })

  it('labels delivery states and keeps the networks\' reason texts as sent', () => {
    expect((buildChartOption(fixtures.logistics(), zh).series[0].data as PieDatum[]).map((datum) => datum.name)).toEqual([
      '已妥投',
      '运输中',
      '未上传物流单号',
      '物流异常',
    ])
    expect((buildChartOption(fixtures.failureReasons(), en).series[0].data as PieDatum[]).map((datum) => datum.name)).toEqual([
      '20051 Insufficient funds',
      '20005 Do not honor',
    ])
  })

  it.each([
    ['failure-reasons', fixtures.failureReasons],
    ['chargeback-reasons', fixtures.chargebackReasons],
    ['logistics', fixtures.logistics],
  ])('draws %s as one ring labelled with counts (the table has the exact shares), item tooltip, bottom legend', (_type, fixture) => {
    const option = buildChartOption(fixture(), zh)
    expect(option.series).toHaveLength(1)
    expect(option.series[0]).toMatchObject({ type: 'pie', radius: ['34%', '58%'], label: { formatter: '{c}' } })
    expect(option.tooltip).toMatchObject({ trigger: 'item', formatter: '{b}: {c}' })
    expect(option.legend.bottom).toBe(0)
    expect(option.xAxis).toBeUndefined()
  })
})

describe('every option', () => {
  const all = [
    fixtures.overview(),
    fixtures.successRate(),
    fixtures.cardBrandCases(),
    fixtures.caseAnalysis(),
    fixtures.country(),
    fixtures.failureReasons(),
    fixtures.chargebackReasons(),
    fixtures.logistics(),
  ]

  it('covers the eight chart types', () => {
    expect(new Set(all.map((response) => response.type)).size).toBe(8)
  })

  it('is plain JSON (it crosses setData to the mini-program component, where functions are dropped)', () => {
    for (const response of all) {
      const option = buildChartOption(response, zh)
      expect(JSON.parse(JSON.stringify(option))).toEqual(option)
    }
  })

  it('has no animation, and a legend except on the country bars (one series, named by the card title)', () => {
    for (const response of all) {
      const option = buildChartOption(response, zh)
      expect(option.animation).toBe(false)
      expect(option.legend.show, response.type).toBe(response.type !== 'country')
    }
  })
})

describe('empty data', () => {
  it('is recognised for a grouped chart without categories; the ring then has no slices, the bars no countries', () => {
    expect(isChartEmpty(fixtures.emptyGrouped('failure-reasons'))).toBe(true)
    expect(buildChartOption(fixtures.emptyGrouped('failure-reasons'), zh).series[0].data).toEqual([])
    expect(isChartEmpty(fixtures.emptyGrouped('country'))).toBe(true)
    expect(buildChartOption(fixtures.emptyGrouped('country'), zh).series[0].data).toEqual([])
  })

  it('is not claimed for a day-by-day chart whose days are all zero: the zeros are the answer', () => {
    const response = fixtures.overview()
    const zeros: ChartResponse = {
      ...response,
      series: response.series.map((series) => ({ ...series, values: series.values.map(() => 0) })),
    }
    expect(isChartEmpty(zeros)).toBe(false)
    expect(buildChartOption(zeros, zh).series[0].data).toEqual([0, 0, 0])
  })

  it('drops zero slices from a ring so a slice of nothing is never drawn', () => {
    const response = fixtures.logistics()
    response.series[0].values = [5, 0, 0, 0]
    expect(pieData(response, zh)).toEqual([{ name: '已妥投', value: 5 }])
  })
})
