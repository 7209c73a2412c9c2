/**
 * Request signing, the client half of server/src/plugins/request-signing.ts (README "Accounts, login and signed
 * requests"): lowercase hex HMAC-SHA256, keyed with the session's 32-byte key, over
 *   METHOD \n PATH?SORTED_QUERY \n SHA256_HEX(BODY) or '' \n TIMESTAMP_MS \n NONCE
 * crypto-js is imported per algorithm so the main package carries only what signing needs.
 */
import HmacSHA256 from 'crypto-js/hmac-sha256'
import SHA256 from 'crypto-js/sha256'
import Hex from 'crypto-js/enc-hex'

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

/** Code-unit order, as the server's `<` on strings. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export interface SignInput {
  method: string
  /** Path and raw query exactly as sent, e.g. `/api/transactions?limit=20&currency=USD`. */
  url: string
  /** The exact body string sent; '' for none. crypto-js hashes strings as UTF-8, as the server hashes bytes. */
  body: string
  timestamp: number
  nonce: string
}

export function stringToSign(input: SignInput): string {
  const bodyHash = input.body === '' ? '' : SHA256(input.body).toString(Hex)
  return [input.method.toUpperCase(), canonicalPath(input.url), bodyHash, String(input.timestamp), input.nonce].join('\n')
}

export function signRequest(signingKeyHex: string, input: SignInput): string {
  return HmacSHA256(stringToSign(input), Hex.parse(signingKeyHex)).toString(Hex)
}

let nonceCounter = 0

/**
 * 16–64 characters of [A-Za-z0-9_-], unique within a session. The server only needs uniqueness (it remembers
 * every nonce for 10 minutes), and the mini-program has no synchronous secure random source, so time, a counter
 * and Math.random make it: two requests of one client can never share the time+counter part.
 */
export function createNonce(now: number): string {
  nonceCounter = (nonceCounter + 1) % 1_679_616 // 36^4: four base-36 characters
  const random = Math.floor(Math.random() * 2 ** 40).toString(36).padStart(8, '0')
  return `${now.toString(36)}-${nonceCounter.toString(36).padStart(4, '0')}-${random}`
}
