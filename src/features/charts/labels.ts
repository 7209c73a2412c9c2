/**
 * Labels for what the server sends by key (table columns, series, fixed categories), in the user's language.
 * Pure (no React), so the option builders and their tests get real strings.
 */
import type { ChartType } from '@contract/charts'
import { chartsZhCN } from '@/i18n/features/charts'
import { countryLabel, reasonCategoryLabel } from '@/i18n/reference-labels'
import { translate, type Locale, type MessageKey } from '@/i18n/translate'

export interface ChartLabels {
  locale: Locale
  /** A table column or series key (`chargebackRate` → 拒付率); the key itself when unknown. */
  column(key: string): string
  /** A category (x-axis value / pie slice) of a chart type: country names, delivery states, unknown/other. */
  category(type: ChartType, value: string): string
  /** The pie slice that sums the small ones. */
  others: string
}

function isChartsKey(key: string): key is MessageKey & keyof typeof chartsZhCN {
  return Object.prototype.hasOwnProperty.call(chartsZhCN, key)
}

export function chartLabels(locale: Locale): ChartLabels {
  const lookup = (key: string, fallback: string) => (isChartsKey(key) ? translate(locale, key) : fallback)
  const t = (key: MessageKey) => translate(locale, key)
  return {
    locale,
    column: (key) => lookup(`charts.col.${key}`, key),
    category: (type, value) => {
      // unknown/other come from the server for a missing country, reason, delivery state or card brand.
      if (value === 'unknown' || value === 'other') return lookup(`charts.cat.${value}`, value)
      if (type === 'country') return countryLabel(t, value)
      if (type === 'logistics') return lookup(`charts.cat.${value}`, value)
      // "code text" of a decline or chargeback: the shared reason table, in this language.
      if (type === 'failure-reasons' || type === 'chargeback-reasons') return reasonCategoryLabel(t, value)
      // Dates and card brands are shown as the server sends them.
      return value
    },
    others: translate(locale, 'charts.others'),
  }
}
