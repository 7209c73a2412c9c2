/**
 * A transactions filter carried in a page URL, so any page (the home to-dos, a settlement batch) can open the
 * transactions list already filtered: `transactionsQueryString(filter)` to build the link, `filterFromParams`
 * on the list page to read it back. Unknown keys and values outside each filter's vocabulary are dropped, so a
 * hand-edited URL can narrow the list but never break it.
 */
import type { TransactionsFilter } from '../../types/transactions'
import { routeParam } from './route-param'

type FilterKey = keyof TransactionsFilter

/**
 * Allowed values per enumerated key; `null` = free text (checked by length only). The filter sheet's option
 * lists are built from these, so the URL and the sheet can never disagree.
 */
export const TRANSACTION_FILTER_VOCABULARY = {
  from: null,
  to: null,
  timeType: ['payment', 'settlement'],
  q: null,
  batchNo: null,
  currency: ['SEK', 'JPY', 'HKD', 'DKK', 'USD', 'CAD', 'CNY', 'EUR', 'GBP', 'NOK', 'AUD', 'SGD'],
  bookingCurrency: ['SEK', 'JPY', 'HKD', 'DKK', 'USD', 'CAD', 'CNY', 'EUR', 'GBP', 'NOK', 'AUD', 'SGD'],
  txnType: ['sale', 'authorization'],
  cardBrand: ['Visa', 'MasterCard', 'JCB', 'American Express', 'Discover', 'UnionPay', 'Diners Club', 'Maestro'],
  tracking: ['uploaded', 'missing'],
  delivery: ['pending', 'in_transit', 'delivered', 'exception'],
  fundsStatus: ['unsettled', 'settled'],
  depositStatus: ['unsettled', 'settled'],
  terminal: null,
  status: ['success', 'failure', 'pending'],
  authStatus: ['pending', 'captured', 'voided'],
  case: ['chargeback', 'dispute', 'fraud', 'retrieval'],
} as const satisfies Record<FilterKey, readonly string[] | null>

const VOCABULARY: Record<FilterKey, readonly string[] | null> = TRANSACTION_FILTER_VOCABULARY

const FILTER_KEYS = Object.keys(VOCABULARY) as FilterKey[]
const MAX_TEXT = 64

/** `?status=pending&txnType=authorization` (encoded, keys in a fixed order); '' for an empty filter. */
export function transactionsQueryString(filter: TransactionsFilter): string {
  const pairs = FILTER_KEYS.flatMap((key) => {
    const value = filter[key]
    return value === undefined || value === '' ? [] : [`${key}=${encodeURIComponent(value)}`]
  })
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`
}

/** The page's router params back into a filter (Taro hands params over still URL-encoded in some runtimes). */
export function filterFromParams(params: Readonly<Record<string, string | undefined>>): TransactionsFilter {
  const filter: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    const raw = params[key]
    if (raw === undefined || raw === '') continue
    const value = routeParam(raw)
    const allowed = VOCABULARY[key]
    if (allowed === null ? value.length <= MAX_TEXT : allowed.includes(value)) filter[key] = value
  }
  return filter as TransactionsFilter
}
