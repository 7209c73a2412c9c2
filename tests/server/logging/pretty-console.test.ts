import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../server/src/logging/logger'
import { consoleLine, prettyConsole } from '../../../server/src/logging/pretty-console'

function collect(stream: PassThrough): () => string {
  const chunks: string[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')))
  return () => chunks.join('')
}

describe("a person's console", () => {
  it('shows a request as one line (method, path, status, time) and drops its "incoming" half', () => {
    expect(consoleLine({ level: 30, msg: 'incoming request', req: { method: 'GET', url: '/api/todos' } })).toBeUndefined()
    expect(
      consoleLine({ level: 30, msg: 'request completed', reqId: 'r1', req: { method: 'GET', url: '/api/todos' }, res: { statusCode: 200 }, responseTime: 3.4 }),
    ).toEqual({ level: 30, msg: 'GET /api/todos 200 3 ms' })
  })

  it('keeps quiet about bundles served fine, but not about failed ones', () => {
    const served = { level: 30, msg: 'request completed', req: { method: 'GET', url: '/js/app.1a2b3c4d.js' }, res: { statusCode: 200 }, responseTime: 1 }
    expect(consoleLine(served)).toBeUndefined()
    expect(consoleLine({ ...served, res: { statusCode: 404 } })?.msg).toBe('GET /js/app.1a2b3c4d.js 404 1 ms')
  })

  it('prints readable lines, not JSON, and still redacts what the logger redacts', () => {
    const out = new PassThrough()
    const read = collect(out)
    const logger = createLogger({ level: 'info', destination: prettyConsole(out, false) })
    logger.info({ accessToken: 'at-0123456789' }, 'server listening')
    const text = read()
    expect(text).toContain('server listening')
    expect(text).not.toMatch(/^\{/)
    expect(text).not.toContain('at-0123456789')
  })
})
