import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { createLogger } from '../../../server/src/logging/logger'
import { REDACTED } from '../../../server/src/logging/redact'
import { buildTestApp, captureLogs } from '../harness'
import { testStores } from '../stores'

describe.each(testStores())('log redaction on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open()
  })
  afterAll(() => store.cleanup())

  it('keeps session, authorization and cookie headers and secret query parameters out of request logs', async () => {
    const { app, logs } = buildTestApp(db)
    const response = await app.inject({
      method: 'GET',
      url: '/api/health?token=tok-SECRET-4&page=2',
      headers: {
        authorization: 'Bearer auth-SECRET-1',
        'x-op-session': 'sess-SECRET-2',
        cookie: 'sid=cookie-SECRET-3',
        'user-agent': 'vitest',
      },
    })
    await app.close()
    expect(response.statusCode).toBe(200)

    const text = logs.text()
    expect(text).not.toMatch(/SECRET/)
    const incoming = logs.lines().find((line) => line.msg === 'incoming request')
    expect(incoming?.req).toMatchObject({
      url: `/api/health?token=${encodeURIComponent(REDACTED)}&page=2`,
      headers: {
        authorization: REDACTED,
        'x-op-session': REDACTED,
        cookie: REDACTED,
        'user-agent': 'vitest',
      },
    })
  })
})

describe('the logger', () => {
  it('redacts secret-named fields at any depth, in log objects and in errors', () => {
    const { capture, destination } = captureLogs()
    const logger = createLogger({ level: 'info', destination })
    logger.info(
      {
        order: {
          orderNumber: 'N1',
          secureCode: 'sc-SECRET',
          nested: { session_key: 'sk-SECRET', signValue: 'sv-SECRET' },
        },
        wechat: [{ access_token: 'at-SECRET', appSecret: 'as-SECRET' }],
        headers: { account: '995149', terminal: '99514901', 'content-type': 'text/xml' },
        account: '995149',
      },
      'calling the gateway',
    )
    const error = Object.assign(new Error('gateway said no'), { request: { headers: { secureCode: 'err-SECRET' } } })
    logger.error({ err: error }, 'gateway failed')

    expect(capture.text()).not.toMatch(/SECRET/)
    const [call, failure] = capture.lines()
    expect(call).toMatchObject({
      order: { orderNumber: 'N1', secureCode: REDACTED, nested: { session_key: REDACTED, signValue: REDACTED } },
      wechat: [{ access_token: REDACTED, appSecret: REDACTED }],
      // account/terminal are credentials as gateway headers, but ordinary identifiers elsewhere.
      headers: { account: REDACTED, terminal: REDACTED, 'content-type': 'text/xml' },
      account: '995149',
    })
    expect(failure).toMatchObject({
      err: { message: 'gateway said no', request: { headers: { secureCode: REDACTED } } },
    })
  })
})
