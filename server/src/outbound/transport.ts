/**
 * The one outbound HTTP shape of the server: the gateway SDK and the WeChat client both take a `Transport`, so
 * tests inject fakes and the server decides where a URL really goes. (The gateway declares the same shape itself,
 * because it imports nothing of ours; TypeScript's structural typing makes the two interchangeable.)
 */
import type { FastifyInstance } from 'fastify'
import { SELF_ORIGIN } from '../config'

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
  /** Aborts the call; a transport must reject promptly when it fires. */
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** The body's bytes, for answers that are not text (WeChat's mini-program code is a PNG); absent on fakes. */
  bytes?: Buffer
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>

/** Plain `fetch`. */
export const fetchTransport: Transport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
  })
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    headers[key] = value
  })
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers, body: bytes.toString('utf8'), bytes }
}

/**
 * URLs on SELF_ORIGIN go to this app's own routes through `inject` (no port needed, so it works the same before
 * `listen`, in tests, and behind any host name); everything else goes over the network.
 */
export function routingTransport(app: FastifyInstance, network: Transport = fetchTransport): Transport {
  return async (request) => {
    if (!request.url.startsWith(`${SELF_ORIGIN}/`)) return network(request)
    request.signal?.throwIfAborted()
    const inject = app.inject({
      method: request.method,
      url: request.url.slice(SELF_ORIGIN.length),
      headers: request.headers,
      payload: request.body,
    })
    const aborted = new Promise<never>((_, reject) => {
      request.signal?.addEventListener('abort', () => reject(request.signal?.reason ?? new Error('aborted')), {
        once: true,
      })
    })
    const response = await Promise.race([inject, aborted])
    const headers: Record<string, string> = {}
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : String(value)
    }
    return { status: response.statusCode, headers, body: response.body, bytes: response.rawPayload }
  }
}
