/**
 * The console a person reads (`npm start` in a terminal): one short coloured line per event instead of pino's
 * JSON, and one line per request instead of two. Machines (no TTY, production) keep the JSON lines.
 *
 * It is a stream under pino, not a logger of its own: every line has already been through redact.ts.
 */
import { Writable } from 'node:stream'
import { prettyFactory } from 'pino-pretty'

interface LogLine {
  msg?: string
  level?: number
  req?: { method?: string; url?: string }
  res?: { statusCode?: number }
  responseTime?: number
  [key: string]: unknown
}

/** pino's numeric levels: below warn a served static file is noise on a person's console. */
const WARN = 40

/** Hashed bundles, images and index.html: the browser loads dozens per page; only failures are worth a line. */
function isStaticAsset(url: string): boolean {
  return !url.startsWith('/api/') && !url.startsWith('/sandbox/') && !url.startsWith('/admin')
}

/** What a request becomes on the console: `GET /api/todos 200 3 ms`, nothing for its "incoming" half. */
export function consoleLine(line: LogLine): LogLine | undefined {
  if (line.msg === 'incoming request') return undefined
  if (line.msg !== 'request completed') return line
  const url = line.req?.url ?? ''
  if (isStaticAsset(url) && (line.level ?? 0) < WARN && (line.res?.statusCode ?? 0) < 400) return undefined
  const { req, res, responseTime, reqId, ...rest } = line
  void reqId
  const ms = typeof responseTime === 'number' ? ` ${Math.round(responseTime)} ms` : ''
  return { ...rest, msg: `${req?.method ?? ''} ${url} ${res?.statusCode ?? ''}${ms}` }
}

export function prettyConsole(output: NodeJS.WritableStream = process.stdout, colorize = true): Writable {
  const prettify = prettyFactory({
    colorize,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
  })
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text.trim() === '') continue
        let parsed: LogLine
        try {
          parsed = JSON.parse(text) as LogLine
        } catch {
          output.write(`${text}\n`)
          continue
        }
        const shown = consoleLine(parsed)
        if (shown !== undefined) output.write(prettify(shown))
      }
      done()
    },
  })
}
