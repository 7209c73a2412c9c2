/** ChartResponse fixtures shaped exactly as server/src/services/charts.ts builds them, for the charts unit tests. */
import type { ChartColumn, ChartResponse, ChartSeries, ChartType } from '../../types/charts'

const FROM = '2025-05-08T00:00:00+08:00'
const TO = '2025-05-10T16:00:00+08:00'

function response(type: ChartType, columns: ChartColumn[], rows: Array<Record<string, string | number>>, series: Array<Pick<ChartSeries, 'key' | 'kind'>>): ChartResponse {
  const categoryKey = columns[0].key
  return {
    type,
    from: FROM,
    to: TO,
    categories: rows.map((row) => String(row[categoryKey])),
    series: series.map(({ key, kind }) => ({ key, kind, values: rows.map((row) => Number(row[key] ?? 0)) })),
    table: { columns, rows },
  }
}

const DAILY_COLUMNS: ChartColumn[] = [
  { key: 'date', unit: 'text' },
  { key: 'total', unit: 'count' },
  { key: 'success', unit: 'count' },
  { key: 'failure', unit: 'count' },
  { key: 'successRate', unit: 'percent' },
]

const DAILY_ROWS = [
  { date: '2025-05-08', total: 1200, success: 1000, failure: 200, successRate: 83.33 },
  { date: '2025-05-09', total: 0, success: 0, failure: 0, successRate: 0 },
  { date: '2025-05-10', total: 4, success: 3, failure: 1, successRate: 75 },
]

export const overview = () =>
  response('overview', DAILY_COLUMNS, DAILY_ROWS, [
    { key: 'total', kind: 'bar' },
    { key: 'success', kind: 'bar' },
    { key: 'failure', kind: 'bar' },
  ])

export const successRate = () => response('success-rate', DAILY_COLUMNS, DAILY_ROWS, [{ key: 'successRate', kind: 'line' }])

const CASE_COLUMNS: ChartColumn[] = [
  { key: 'success', unit: 'count' },
  { key: 'chargebacks', unit: 'count' },
  { key: 'chargebackRate', unit: 'percent' },
  { key: 'frauds', unit: 'count' },
  { key: 'fraudRate', unit: 'percent' },
  { key: 'refunds', unit: 'count' },
  { key: 'refundRate', unit: 'percent' },
]

export const cardBrandCases = () =>
  response(
    'card-brand-cases',
    [{ key: 'date', unit: 'text' }, ...CASE_COLUMNS],
    [
      { date: '2025-05-08', success: 1000, chargebacks: 5, chargebackRate: 0.5, frauds: 2, fraudRate: 0.2, refunds: 30, refundRate: 3 },
      { date: '2025-05-09', success: 0, chargebacks: 0, chargebackRate: 0, frauds: 0, fraudRate: 0, refunds: 0, refundRate: 0 },
    ],
    [
      { key: 'chargebacks', kind: 'bar' },
      { key: 'frauds', kind: 'bar' },
      { key: 'refunds', kind: 'bar' },
    ],
  )

export const caseAnalysis = () =>
  response(
    'case-analysis',
    [{ key: 'cardBrand', unit: 'text' }, ...CASE_COLUMNS],
    [
      { cardBrand: 'MasterCard', success: 300, chargebacks: 3, chargebackRate: 1, frauds: 1, fraudRate: 0.33, refunds: 9, refundRate: 3 },
      { cardBrand: 'Visa', success: 700, chargebacks: 2, chargebackRate: 0.29, frauds: 1, fraudRate: 0.14, refunds: 21, refundRate: 3 },
      { cardBrand: 'other', success: 10, chargebacks: 0, chargebackRate: 0, frauds: 0, fraudRate: 0, refunds: 0, refundRate: 0 },
    ],
    [
      { key: 'chargebackRate', kind: 'line' },
      { key: 'fraudRate', kind: 'line' },
      { key: 'refundRate', kind: 'line' },
    ],
  )

function grouped(type: ChartType, label: string, entries: Array<[string, number]>, withSuccess = false): ChartResponse {
  const all = entries.reduce((sum, [, count]) => sum + count, 0)
  const columns: ChartColumn[] = [
    { key: label, unit: 'text' },
    { key: 'count', unit: 'count' },
    { key: 'share', unit: 'percent' },
  ]
  if (withSuccess) columns.push({ key: 'success', unit: 'count' }, { key: 'successRate', unit: 'percent' })
  const rows = entries.map(([key, count]) => {
    const row: Record<string, string | number> = { [label]: key, count, share: Math.round((count * 10000) / all) / 100 }
    if (withSuccess) {
      row.success = Math.floor(count * 0.9)
      row.successRate = count === 0 ? 0 : Math.round((Math.floor(count * 0.9) * 10000) / count) / 100
    }
    return row
  })
  return response(type, columns, rows, [{ key: 'count', kind: 'pie' }])
}

export const country = () =>
  grouped(
    'country',
    'country',
    [
      ['US', 5000],
      ['DE', 2000],
      ['FR', 1500],
      ['GB', 1200],
      ['JP', 900],
      ['CA', 800],
      ['AU', 700],
      ['CN', 600],
      ['SE', 500],
      ['unknown', 100],
    ],
    true,
  )

export const failureReasons = () =>
  grouped('failure-reasons', 'reason', [
    ['20051 Insufficient funds', 26],
    ['20005 Do not honor', 20],
  ])

/** More reasons than a ring shows: the smallest end up in 其他. */
export const manyFailureReasons = () =>
  grouped(
    'failure-reasons',
    'reason',
    [26, 20, 10, 8, 7, 7, 6, 6, 5, 2, 1].map((count, index): [string, number] => [`${20000 + index} Reason ${index}`, count]),
  )

export const chargebackReasons = () => grouped('chargeback-reasons', 'reason', [['4837 No Cardholder Authorization', 3]])

export const logistics = () =>
  grouped('logistics', 'delivery', [
    ['delivered', 700],
    ['in_transit', 200],
    ['no_tracking', 90],
    ['exception', 10],
  ])

/** A grouped chart of a range without transactions: the server sends no categories and no rows. */
export const emptyGrouped = (type: ChartType = 'country') => grouped(type, type === 'country' ? 'country' : 'reason', [])
