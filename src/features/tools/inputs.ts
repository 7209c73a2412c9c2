/**
 * The tools' inputs checked as the server checks them (server/src/routes/tools/schemas.ts and the SDK's rules in
 * gateway/operations.ts), so a bad list never costs a call: order numbers 1–100, each 1–50 characters without a
 * comma; BINs 1–100, six digits each; a site as a bare domain (no https://, no path), ≤ 500 characters.
 * Pure, so every rule is tested without rendering.
 */
export const MAX_ORDER_NUMBERS = 100
export const MAX_BINS = 100
const ORDER_NUMBER_MAX = 50
const SITE_MAX = 500
const DOMAIN = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+$/

export type ListCheck =
  | { ok: true; values: string[] }
  | { ok: false; problem: 'empty' | 'too-many' | 'too-long' | 'malformed'; count: number; bad: string[] }

/** One per line or comma-separated (， too), trimmed, blanks dropped, each once in the order typed. */
export function splitList(text: string): string[] {
  const seen = new Set<string>()
  for (const part of text.split(/[\n\r,，;；]+/)) {
    const value = part.trim()
    if (value !== '') seen.add(value)
  }
  return [...seen]
}

export function checkOrderNumbers(text: string): ListCheck {
  const values = splitList(text)
  if (values.length === 0) return { ok: false, problem: 'empty', count: 0, bad: [] }
  if (values.length > MAX_ORDER_NUMBERS) return { ok: false, problem: 'too-many', count: values.length, bad: [] }
  const bad = values.filter((value) => value.length > ORDER_NUMBER_MAX)
  return bad.length > 0 ? { ok: false, problem: 'too-long', count: values.length, bad } : { ok: true, values }
}

/** BINs may also be separated by spaces (a pasted row of them). */
export function checkBins(text: string): ListCheck {
  const values = splitList(text.replace(/\s+/g, ','))
  if (values.length === 0) return { ok: false, problem: 'empty', count: 0, bad: [] }
  if (values.length > MAX_BINS) return { ok: false, problem: 'too-many', count: values.length, bad: [] }
  const bad = values.filter((value) => !/^\d{6}$/.test(value))
  return bad.length > 0 ? { ok: false, problem: 'malformed', count: values.length, bad } : { ok: true, values }
}

export type SiteCheck = { ok: true; site: string } | { ok: false; problem: 'empty' | 'format' }

export function checkSite(text: string): SiteCheck {
  const site = text.trim()
  if (site === '') return { ok: false, problem: 'empty' }
  return site.length <= SITE_MAX && DOMAIN.test(site) ? { ok: true, site } : { ok: false, problem: 'format' }
}
