/**
 * The server's pino logger. Redaction lives here, not in each call site: every logged object, request
 * and error passes through redact.ts before it is written.
 */
import pino, { type DestinationStream, type Logger } from 'pino'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { LogFormat, LogLevel } from '../config'
import { redactHeaders, redactObject, redactUrl, redactValue } from './redact'
import { prettyConsole } from './pretty-console'

export type { Logger }

export interface LoggerOptions {
  level: LogLevel
  /** Defaults to stdout; tests pass a stream to read the lines back. */
  destination?: DestinationStream
  /**
   * How stdout shows the lines: JSON (machines, production), pretty (a person at a terminal), or auto — pretty
   * when stdout is a terminal. Ignored with a destination, which always receives JSON.
   */
  format?: LogFormat
}

function stdoutDestination(format: LogFormat): DestinationStream {
  const pretty = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true)
  return pretty ? prettyConsole(process.stdout, process.stdout.isTTY === true) : pino.destination(1)
}

/** Replaces Fastify's request serializer: adds the (redacted) headers, which help debug client issues. */
function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    headers: redactHeaders(request.headers),
  }
}

function serializeReply(reply: FastifyReply): Record<string, unknown> {
  return { statusCode: reply.statusCode }
}

/** Errors can carry request options or response bodies as extra properties (gateway clients do): redact those too. */
function serializeError(error: Error): unknown {
  return redactValue(pino.stdSerializers.err(error))
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      serializers: { req: serializeRequest, res: serializeReply, err: serializeError },
      formatters: {
        log: redactObject,
        bindings: redactObject,
      },
    },
    options.destination ?? stdoutDestination(options.format ?? 'json'),
  )
}
