/**
 * The client's signature (crypto-js, src/api/signing.ts) against the server's verifier
 * (server/src/auth/request-signing.ts, node:crypto): the same string to sign byte for byte and the same HMAC,
 * for the URLs and bodies the client really sends (built by its own query builder) and for awkward raw ones.
 */
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalPath, createNonceSource, signRequest, stringToSign } from '@/api/signing'
import { buildQueryString } from '@/api/transport'
import { canonicalPath as serverCanonicalPath, stringToSign as serverStringToSign } from '../../../server/src/auth/request-signing'

const KEY = '7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f0a1b2c3d4e5f60718293a4b5c6d7e8f9'
const TIMESTAMP = 1_735_689_600_000
const NONCE = 'AbCdEfGh12345678'

function serverSignature(method: string, url: string, body: string): string {
  const message = serverStringToSign(method, url, Buffer.from(body, 'utf8'), String(TIMESTAMP), NONCE)
  return createHmac('sha256', Buffer.from(KEY, 'hex')).update(message, 'utf8').digest('hex')
}

function expectSameAsServer(method: 'GET' | 'POST', url: string, body: string): void {
  const input = { method, url, body, timestamp: TIMESTAMP, nonce: NONCE }
  expect(canonicalPath(url)).toBe(serverCanonicalPath(url))
  expect(Buffer.from(stringToSign(input), 'utf8')).toEqual(
    Buffer.from(serverStringToSign(method, url, Buffer.from(body, 'utf8'), String(TIMESTAMP), NONCE), 'utf8'),
  )
  expect(signRequest(KEY, input)).toBe(serverSignature(method, url, body))
}

describe('request signature, client against server', () => {
  it("matches the README's worked example", () => {
    const url = '/api/orders?b=2&a=%20x&a=1'
    expect(canonicalPath(url)).toBe('/api/orders?a=%20x&a=1&b=2')
    expect(stringToSign({ method: 'GET', url, body: '', timestamp: TIMESTAMP, nonce: NONCE })).toBe(
      'GET\n/api/orders?a=%20x&a=1&b=2\n\n1735689600000\nAbCdEfGh12345678',
    )
    expectSameAsServer('GET', url, '')
  })

  it.each([
    ['unsorted keys', '/api/transactions?status=success&currency=USD&limit=20'],
    ['repeated keys, sorted by value', '/api/transactions?terminal=B&terminal=A&terminal=AA'],
    ['encoded characters', '/api/transactions?q=A%2BB%26C%3D1&from=2025-01-01T00%3A00%3A00%2B08%3A00'],
    ['empty pairs and a key without =', '/api/messages?&onlyUnread&kind=chargeback&&'],
    ['a query of empty pairs only', '/api/todos?&&'],
    ['upper case sorts before lower case (code units)', '/api/x?b=1&B=2&a=3&_=4'],
    ['an encoded path segment', '/api/transactions/PAY%2F001%20%E4%B8%AD'],
  ])('GET with %s', (_name, url) => {
    expectSameAsServer('GET', url, '')
  })

  it('GET with Chinese text as the client encodes it', () => {
    const url = `/api/transactions${buildQueryString({ q: '订单 号-001', terminal: '终端一', currency: 'CNY', cursor: undefined, limit: 20 })}`
    expect(url).toBe('/api/transactions?q=%E8%AE%A2%E5%8D%95%20%E5%8F%B7-001&terminal=%E7%BB%88%E7%AB%AF%E4%B8%80&currency=CNY&limit=20')
    expectSameAsServer('GET', url, '')
  })

  it('POST with a Chinese JSON body (hashed as UTF-8 bytes, as the server hashes them)', () => {
    expectSameAsServer('POST', '/api/messages/read-all', JSON.stringify({ note: '已读 ✓ — 全部', emoji: '🙂' }))
  })

  it('POST with the empty object body the client always sends', () => {
    expectSameAsServer('POST', '/api/auth/heartbeat', '{}')
    expect(stringToSign({ method: 'POST', url: '/api/auth/heartbeat', body: '{}', timestamp: 1, nonce: NONCE }).split('\n')[2]).toBe(
      '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    )
  })

  it('a lower-case method is signed upper case, as sent', () => {
    const input = { method: 'post', url: '/api/auth/logout', body: '{}', timestamp: TIMESTAMP, nonce: NONCE }
    expect(signRequest(KEY, input)).toBe(serverSignature('POST', '/api/auth/logout', '{}'))
  })
})

describe('nonce', () => {
  it('has the server-accepted shape and does not repeat', () => {
    const createNonce = createNonceSource()
    const nonces = Array.from({ length: 2_000 }, () => createNonce(TIMESTAMP))
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(new Set(nonces).size).toBe(nonces.length)
  })
})
