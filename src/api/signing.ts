/**
 * Request signing, the client half of server/src/auth/request-signing.ts (README "Accounts, login and signed
 * requests"): lowercase hex HMAC-SHA256, keyed with the session's 32-byte key, over the canonical request of
 * contract/request-signing.ts.
 * crypto-js is imported per algorithm so the main package carries only what signing needs.
 */
import HmacSHA256 from 'crypto-js/hmac-sha256'
import SHA256 from 'crypto-js/sha256'
import Hex from 'crypto-js/enc-hex'
import { canonicalRequest } from '@contract/request-signing'

export { canonicalPath } from '@contract/request-signing'

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
  const bodyHashHex = input.body === '' ? '' : SHA256(input.body).toString(Hex)
  return canonicalRequest({ method: input.method, url: input.url, bodyHashHex, timestamp: String(input.timestamp), nonce: input.nonce })
}

export function signRequest(signingKeyHex: string, input: SignInput): string {
  return HmacSHA256(stringToSign(input), Hex.parse(signingKeyHex)).toString(Hex)
}

/**
 * A nonce maker with its own counter (one per API client): 16–64 characters of [A-Za-z0-9_-], unique within a
 * session. The server only needs uniqueness (it remembers every nonce for 10 minutes), and the mini-program has
 * no synchronous secure random source, so time, the counter and Math.random make it: two requests of one client
 * can never share the time+counter part.
 */
export function createNonceSource(): (now: number) => string {
  let counter = 0
  return (now) => {
    counter = (counter + 1) % 1_679_616 // 36^4: four base-36 characters
    const random = Math.floor(Math.random() * 2 ** 40).toString(36).padStart(8, '0')
    return `${now.toString(36)}-${counter.toString(36).padStart(4, '0')}-${random}`
  }
}
