/**
 * A transactions filter carried in a page URL, so any page (the home to-dos, a settlement batch) can open the
 * transactions list already filtered: `transactionsQueryString(filter)` to build the link, `filterFromParams`
 * on the list page to read it back. Unknown keys and values outside each filter's vocabulary are dropped, so a
 * hand-edited URL can narrow the list but never break it.
 */
import { CURRENCY_CODES } from '../../types/money'
import {
  AUTH_STATUSES,
  CARD_BRANDS,
  CASE_KINDS,
  DELIVERY_STATUSES,
  SETTLEMENT_STATES,
  TIME_TYPES,
  TRACKING_FILTERS,
  TRANSACTION_STATUSES,
  TXN_TYPES,
  type TransactionsFilter,
} from '../../types/transactions'
import { routeParam } from './route-param'

type FilterKey = keyof TransactionsFilter

/**
 * Allowed values per enumerated key; `null` = free text (checked by length only). The filter sheet's option
 * lists are built from these, so the URL and the sheet can never disagree.
 */
export const TRANSACTION_FILTER_VOCABULARY = {
  from: null,
  to: null,
  timeType: TIME_TYPES,
  q: null,
  batchNo: null,
  currency: CURRENCY_CODES,
  bookingCurrency: CURRENCY_CODES,
  txnType: TXN_TYPES,
  cardBrand: CARD_BRANDS,
  tracking: TRACKING_FILTERS,
  delivery: DELIVERY_STATUSES,
  fundsStatus: SETTLEMENT_STATES,
  depositStatus: SETTLEMENT_STATES,
  terminal: null,
  status: TRANSACTION_STATUSES,
  authStatus: AUTH_STATUSES,
  case: CASE_KINDS,
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
