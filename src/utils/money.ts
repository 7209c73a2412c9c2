/**
 * Money as SPEC §5 shows it: `USD -714,770.83`. Amounts arrive as decimal strings (contract/money.ts) and are only
 * ever regrouped as text, never turned into floating point.
 */
import type { Money } from '@contract/money'

/** `-714770.83` → `-714,770.83`; `2761` → `2,761`. Anything that is not a plain decimal is returned unchanged. */
export function groupDigits(amount: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount)
  if (match === null) return amount
  const [, sign, whole, fraction = ''] = match
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`
}

/** `{ currency: 'USD', amount: '-714770.83' }` → `USD -714,770.83` */
export function formatMoney(money: Money): string {
  return `${money.currency} ${groupDigits(money.amount)}`
}

export function isNegative(money: Money): boolean {
  return money.amount.startsWith('-') && /[1-9]/.test(money.amount)
}
