/**
 * A transactions filter carried in a page URL, so any page (the home to-dos, a settlement batch) can open the
 * transactions list already filtered: `transactionsQueryString(filter)` to build the link, `filterFromParams`
 * on the list page to read it back. Unknown keys and values outside each filter's vocabulary are dropped, so a
 * hand-edited URL can narrow the list but never break it. The keys and their values are TRANSACTION_FILTER's.
 */
import { filterKeys, type FilterSchema } from '@contract/filters'
import { TRANSACTION_FILTER, type TransactionsFilter } from '@contract/transactions'
import { routeParam } from './route-param'

type FilterKey = keyof TransactionsFilter

/** Every key of TRANSACTION_FILTER, in its order (the order of a link's parameters). */
const FILTER_KEYS: FilterKey[] = filterKeys(TRANSACTION_FILTER)
/** The longest free-text value a link may carry; enumerated keys are checked against their values instead. */
const MAX_TEXT = 64

/** A key's allowed values (its schema's enum), or null for free text. */
function allowedValues(key: FilterKey): readonly string[] | null {
  const schema: FilterSchema = TRANSACTION_FILTER[key].schema
  return schema.enum ?? null
}

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
    const allowed = allowedValues(key)
    if (allowed === null ? value.length <= MAX_TEXT : allowed.includes(value)) filter[key] = value
  }
  return filter as TransactionsFilter
}
