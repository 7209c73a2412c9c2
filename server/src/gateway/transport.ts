/**
 * The outbound HTTP shape the gateway needs, declared here because the SDK imports nothing of ours. It is
 * structurally the same as server/src/outbound/transport.ts's `Transport`, so the server passes its own.
 */

export interface GatewayHttpRequest {
  method: 'GET' | 'POST'
  url: string
  /** For the health and card BIN calls this holds the secureCode header: a transport must never log headers. */
  headers: Record<string, string>
  body?: string
  /** Aborts the call; a transport must reject promptly when it fires. */
  signal?: AbortSignal
}

export interface GatewayHttpResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export type GatewayTransport = (request: GatewayHttpRequest) => Promise<GatewayHttpResponse>

/** pino-compatible: the server passes its logger (or a child); nothing secret is ever given to it. */
export interface GatewayLogger {
  debug(fields: Record<string, unknown>, message: string): void
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
}
