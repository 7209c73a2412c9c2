/**
 * Country and reason labels from the one shared table (features/reference.ts), for charts and the transaction
 * detail alike. Pure: the caller passes its translate function (`useT()`'s, or `translate` bound to a locale).
 */
import { referenceZhCN } from './features/reference'
import type { MessageKey } from './translate'

type Lookup = (key: MessageKey) => string

function isReferenceKey(key: string): key is MessageKey & keyof typeof referenceZhCN {
  return Object.prototype.hasOwnProperty.call(referenceZhCN, key)
}

/** `CA` → 加拿大 / Canada; an unknown code as it is. */
export function countryLabel(t: Lookup, code: string): string {
  const key = `country.${code}`
  return isReferenceKey(key) ? t(key) : code
}

/**
 * `20051` + "Insufficient funds" → "20051 余额不足" / "20051 Insufficient funds": the code stays (merchants quote it
 * to the network), the text is the table's, or the server's text when the code is not in the table.
 */
export function reasonLabel(t: Lookup, code: string | null, text: string | null): string | null {
  const key = `reason.${code ?? ''}`
  const label = code !== null && isReferenceKey(key) ? t(key) : text
  const joined = [code, label].filter((part): part is string => part !== null && part !== '').join(' ')
  return joined === '' ? null : joined
}

/** A chart category made of code and text ("20051 Insufficient funds", as the server groups them). */
export function reasonCategoryLabel(t: Lookup, value: string): string {
  const space = value.indexOf(' ')
  const code = space === -1 ? value : value.slice(0, space)
  return isReferenceKey(`reason.${code}`) ? (reasonLabel(t, code, null) ?? value) : value
}
