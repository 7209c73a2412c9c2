/**
 * The server's pino logger. Redaction lives here, not in each call site: every logged object, request
 * and error passes through redact.ts before it is written.
 */
import pino, { type DestinationStream, type Logger } from 'pino'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { LogFormat, LogLevel } from '../config'
import { redactHeaders, redactObject, redactText, redactUrl, redactValue, withoutStatementParameters } from './redact'
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

/**
 * JSON lines go to stdout asynchronously (pino's SonicBoom with `sync: false`): a line is queued and written by
 * the event loop, lines logged while a write is in flight go out together in the next, and pino flushes what is
 * left when the process exits. Written synchronously, the two lines of every request (`incoming request`,
 * `request completed`) made the server wait inside writev for 27 % of its time under load when stdout was a pipe
 * (a CPU profile of bench/load.ts flat out, docs/performance.md). No minimum length: each line leaves as soon as
 * the loop is free, so a log reader (the start-up line a supervisor waits for) sees it at once. Only a SIGKILL can
 * lose the lines still queued.
 */
function stdoutDestination(format: LogFormat): DestinationStream {
  const pretty = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true)
  return pretty ? prettyConsole(process.stdout, process.stdout.isTTY === true) : pino.destination({ dest: 1, sync: false })
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
  return redactValue(withoutStatementParameters(pino.stdSerializers.err(error)))
}

/**
 * The message strings of a call (`log.info(obj, 'msg %s', arg)`), which the `log` formatter never sees: redacted
 * by value before pino formats them. Objects among the arguments go through the formatter or serializers.
 */
function redactMessageArguments(this: Logger, args: Parameters<pino.LogFn>, method: pino.LogFn): void {
  const redacted = (args as unknown[]).map((arg) => (typeof arg === 'string' ? redactText(arg) : arg))
  method.apply(this, redacted as Parameters<pino.LogFn>)
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      serializers: { req: serializeRequest, res: serializeReply, err: serializeError },
      hooks: { logMethod: redactMessageArguments },
      formatters: {
        log: redactObject,
        bindings: redactObject,
      },
    },
    options.destination ?? stdoutDestination(options.format ?? 'json'),
  )
}
