/**
 * The canonical request that the mini-program signs and the server verifies (README "Accounts, login and signed
 * requests"), written once so the two halves cannot drift apart. Pure string work: each side hashes with its
 * own library (crypto-js in the mini-program, node:crypto on the server).
 *
 *   METHOD \n PATH?SORTED_QUERY \n SHA256_HEX(BODY) or '' \n TIMESTAMP_MS \n NONCE
 */

/** `path?pairs` with the raw (already encoded) query pairs sorted by key then value; empty pairs dropped. */
export function canonicalPath(url: string): string {
  const at = url.indexOf('?')
  if (at === -1) return url
  const pairs = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=')
      return eq === -1 ? { pair, key: pair, value: '' } : { pair, key: pair.slice(0, eq), value: pair.slice(eq + 1) }
    })
    .sort((a, b) => (a.key === b.key ? compare(a.value, b.value) : compare(a.key, b.key)))
  return pairs.length === 0 ? url.slice(0, at) : `${url.slice(0, at)}?${pairs.map((p) => p.pair).join('&')}`
}

/** Code-unit order, the same on every JavaScript engine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The string that is HMAC'd; `bodyHashHex` is '' when the request has no body. */
export function canonicalRequest(parts: { method: string; url: string; bodyHashHex: string; timestamp: string; nonce: string }): string {
  return [parts.method.toUpperCase(), canonicalPath(parts.url), parts.bodyHashHex, parts.timestamp, parts.nonce].join('\n')
}
