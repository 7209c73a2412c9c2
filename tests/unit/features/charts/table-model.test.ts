/** The table under each chart: labelled columns, grouped counts, rates with "%", category labels, case tabs. */
import { describe, expect, it } from 'vitest'
import { chartLabels } from '@/features/charts/labels'
import { buildTable, formatCell } from '@/features/charts/table-model'
import * as fixtures from '../../../fixtures/charts'

const zh = chartLabels('zh-CN')
const en = chartLabels('en-US')

describe('formatCell', () => {
  it('groups counts, gives rates two decimals and "%", regroups amounts as text', () => {
    expect(formatCell(1234567, 'count')).toBe('1,234,567')
    expect(formatCell(83.3, 'percent')).toBe('83.30%')
    expect(formatCell(0, 'percent')).toBe('0.00%')
    expect(formatCell('-714770.83', 'amount')).toBe('-714,770.83')
    expect(formatCell(undefined, 'count')).toBe('-')
  })

  it('shows a rate without a denominator (null) as "—", never 0.00%', () => {
    expect(formatCell(null, 'percent')).toBe('—')
  })
})

describe('buildTable', () => {
  it('labels every column of the overview and formats its cells', () => {
    const table = buildTable(fixtures.overview(), zh)
    expect(table.columns.map((column) => column.label)).toEqual(['日期', '交易笔数', '成功笔数', '失败笔数', '处理中笔数', '成功率'])
    expect(table.rows[0].cells).toEqual(['2025-05-08', '1,200', '1,000', '197', '3', '83.33%'])
    expect(table.rows[1].cells).toEqual(['2025-05-09', '0', '0', '0', '0', '—'])
    expect(table.rows).toHaveLength(3)
  })

  it('shows only the chosen tab of the card-brand cases: Date / count / rate, as in the seed', () => {
    const chargeback = buildTable(fixtures.cardBrandCases(), zh, 'chargeback')
    expect(chargeback.columns.map((column) => column.label)).toEqual(['日期', '拒付笔数', '拒付率'])
    expect(chargeback.rows.map((row) => row.cells)).toEqual([
      ['2025-05-08', '5', '0.50%'],
      ['2025-05-09', '0', '—'],
    ])
    const refund = buildTable(fixtures.cardBrandCases(), en, 'refund')
    expect(refund.columns.map((column) => column.label)).toEqual(['Date', 'Refunds', 'Refund rate'])
    expect(refund.rows[0].cells).toEqual(['2025-05-08', '30', '3.00%'])
  })

  it('names countries, unknown values and delivery states in the user language', () => {
    const countries = buildTable(fixtures.country(), zh)
    expect(countries.columns.map((column) => column.label)).toEqual(['发卡国家', '笔数', '占比', '成功笔数', '成功率'])
    expect(countries.rows[0].cells[0]).toBe('美国')
    expect(countries.rows.at(-1)?.cells[0]).toBe('未知')
    expect(buildTable(fixtures.logistics(), en).rows.map((row) => row.cells[0])).toEqual([
      'Delivered',
      'In transit',
      'No tracking number',
      'Delivery exception',
    ])
  })

  it('keeps every column of the brand analysis, brand first', () => {
    const table = buildTable(fixtures.caseAnalysis(), zh)
    expect(table.columns.map((column) => column.key)).toEqual([
      'cardBrand',
      'success',
      'chargebacks',
      'chargebackRate',
      'frauds',
      'fraudRate',
      'refunds',
      'refundRate',
    ])
    expect(table.rows[2].cells[0]).toBe('其他')
  })

  it('gives each row a distinct key', () => {
    const keys = buildTable(fixtures.country(), zh).rows.map((row) => row.key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('is empty for an empty grouped chart', () => {
    expect(buildTable(fixtures.emptyGrouped(), zh).rows).toEqual([])
  })
})
