/**
 * Checks the signature of every /api/ request except /api/health, /api/auth/login and /api/docs*, and sets
 * `request.auth` when it holds (README "Accounts, login and signed requests" defines the signature).
 *
 * Order of checks, each with its own 401 code: session header present → SESSION_EXPIRED; timestamp within
 * ±5 minutes → TIMESTAMP_OUT_OF_WINDOW; session alive → SESSION_EXPIRED; nonce well-formed and HMAC correct →
 * SIGNATURE_INVALID; nonce unused → NONCE_REPLAYED. The nonce is recorded only once the signature holds, so a
 * forged request cannot burn a client's nonces; the session's idle clock is reset only for a fully valid request.
 * The nonce and the idle clock are written by one statement, one commit (auth/sessions.ts `recordRequest`); the
 * sweep of idle sessions and old nonces runs on its own timer (auth/idle-sweep.ts), never inside a request.
 *
 * Registered with Fastify's skip-override so its hooks cover routes registered anywhere in the app.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Db } from '../db'
import { AppError } from '../errors'
import { sessionService } from './sessions'
import { TIMESTAMP_WINDOW_MS } from './signing-window'
import { readRawBody, replayStream } from '../plugins/raw-body'
import { canonicalPath, canonicalRequest } from '@contract/request-signing'

export interface RequestSigningOptions {
  db: Db
  /** Unix ms; injectable so tests move time without sleeping. */
  clock: () => number
  sessionIdleSeconds: number
  /** Largest body accepted on signed routes (Fastify's bodyLimit). */
  bodyLimit: number
}

export { TIMESTAMP_WINDOW_MS }

const NONCE = /^[A-Za-z0-9_-]{16,64}$/
const TIMESTAMP = /^\d{1,16}$/
const SIGN = /^[0-9a-f]{64}$/

function isExempt(routeUrl: string | undefined): boolean {
  return (
    routeUrl === '/api/health' ||
    routeUrl === '/api/auth/login' ||
    // What an invitation says, for the login page before there is a session (rate-limited, no secrets).
    routeUrl === '/api/auth/invitation' ||
    routeUrl === '/api/docs' ||
    (routeUrl?.startsWith('/api/docs/') ?? false)
  )
}

/**
 * Decided by the route that matched, not by the raw URL, so no spelling of a path (encoded characters, a
 * different case of the query) can reach a guarded route unsigned. A path no route matches gets the plain 404.
 */
function needsSignature(request: FastifyRequest): boolean {
  const routeUrl = request.routeOptions.url
  return routeUrl !== undefined && routeUrl.startsWith('/api/') && !isExempt(routeUrl)
}

export { canonicalPath }

export function stringToSign(method: string, url: string, body: Buffer, timestamp: string, nonce: string): string {
  const bodyHashHex = body.length === 0 ? '' : createHash('sha256').update(body).digest('hex')
  return canonicalRequest({ method, url, bodyHashHex, timestamp, nonce })
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return typeof value === 'string' ? value : undefined
}

function rejected(code: 'SESSION_EXPIRED' | 'SIGNATURE_INVALID' | 'TIMESTAMP_OUT_OF_WINDOW' | 'NONCE_REPLAYED', message: string) {
  return new AppError(401, code, message)
}

const requestSigningPlugin: FastifyPluginAsync<RequestSigningOptions> = async (app, options) => {
  const sessions = sessionService(options.db, { clock: options.clock, idleSeconds: options.sessionIdleSeconds })

  app.addHook('preParsing', async (request, reply, payload) => {
    if (!needsSignature(request)) return payload

    const token = header(request, 'x-op-session')
    if (token === undefined || token === '') throw rejected('SESSION_EXPIRED', 'X-OP-Session is missing: log in first')

    const now = options.clock()
    const timestamp = header(request, 'x-op-timestamp')
    if (timestamp === undefined || !TIMESTAMP.test(timestamp) || Math.abs(now - Number(timestamp)) > TIMESTAMP_WINDOW_MS) {
      // The client can correct its clock offset from this header and retry.
      void reply.header('x-op-server-time', String(now))
      throw rejected('TIMESTAMP_OUT_OF_WINDOW', 'X-OP-Timestamp must be Unix milliseconds within 5 minutes of the server clock')
    }

    const session = await sessions.find(token)
    if (session === undefined) throw rejected('SESSION_EXPIRED', 'the session has ended or expired: log in again')

    const nonce = header(request, 'x-op-nonce')
    const sign = header(request, 'x-op-sign')
    if (nonce === undefined || !NONCE.test(nonce)) {
      throw rejected('SIGNATURE_INVALID', 'X-OP-Nonce must be 16 to 64 characters of A-Z a-z 0-9 _ -')
    }
    if (sign === undefined || !SIGN.test(sign)) {
      throw rejected('SIGNATURE_INVALID', 'X-OP-Sign must be 64 lowercase hex characters')
    }

    const body = await readRawBody(payload, options.bodyLimit)
    const expected = createHmac('sha256', Buffer.from(session.signingKey, 'hex'))
      .update(stringToSign(request.method, request.url, body, timestamp, nonce), 'utf8')
      .digest()
    if (!timingSafeEqual(expected, Buffer.from(sign, 'hex'))) {
      throw rejected('SIGNATURE_INVALID', 'X-OP-Sign does not match the request')
    }

    const recorded = await sessions.recordRequest(session.id, nonce, now)
    if (recorded === 'replayed') {
      throw rejected('NONCE_REPLAYED', 'this X-OP-Nonce was already used: every request needs a new one')
    }
    if (recorded === 'session-gone') {
      throw rejected('SESSION_EXPIRED', 'the session has ended or expired: log in again')
    }

    request.rawBody = body
    request.auth = {
      sessionId: session.id,
      userId: session.userId,
      merchantNo: session.merchant,
      permissions: session.permissions,
    }
    return replayStream(body)
  })
}

/** Fastify's skip-override (what fastify-plugin sets): the hook applies to the whole app, not just this plugin. */
export const requestSigning = Object.assign(requestSigningPlugin, { [Symbol.for('skip-override')]: true })
