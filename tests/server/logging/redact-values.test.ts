/** Issue 12 item 3: no log line carries a phone, a token, a key or card data beyond first 6 / last 4. */
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../../server/src/logging/logger'
import { isPan, PHONE_REDACTED, redactText, TOKEN_REDACTED } from '../../../server/src/logging/redact-values'
import { captureLogs } from '../harness'
import { testStores } from '../stores'

describe('redactText', () => {
  it.each([
    ['13800138000', PHONE_REDACTED],
    ['phone 13912345678 bound', `phone ${PHONE_REDACTED} bound`],
    ['+8613612345678', PHONE_REDACTED],
    ['86-13712345678', PHONE_REDACTED],
    ['Key (phone)=(13800138000) already exists.', `Key (phone)=(${PHONE_REDACTED}) already exists.`],
    ['call +447911123456', `call ${PHONE_REDACTED}`],
    ['/api/search?q=13800138000', `/api/search?q=${PHONE_REDACTED}`],
  ])('hides the phone in %s', (text, expected) => {
    expect(redactText(text)).toBe(expected)
  })

  it('hides 64-hex keys and 43-character random tokens', () => {
    const key = randomBytes(32).toString('hex')
    expect(redactText(`key=${key}`)).toBe(`key=${TOKEN_REDACTED}`)
    expect(redactText(key.toUpperCase())).toBe(TOKEN_REDACTED)
    let token = randomBytes(32).toString('base64url')
    while (!/[A-Z]/.test(token) || !/[a-z]/.test(token) || !/\d/.test(token)) token = randomBytes(32).toString('base64url')
    expect(redactText(`Bearer ${token}`)).toBe(`Bearer ${TOKEN_REDACTED}`)
  })

  it.each([
    ['4111111111111111', '411111******1111'],
    ['4111 1111 1111 1111', '411111******1111'],
    ['5555-5555-5555-4444', '555555******4444'],
    ['378282246310005', '378282*****0005'],
    ['card 6212345678901265 declined', 'card 621234******1265 declined'],
  ])('keeps only first 6 and last 4 of the card number %s', (text, expected) => {
    expect(redactText(text)).toBe(expected)
  })

  it.each([
    ['an already masked phone', '138****8000'],
    ['an already masked card', '411111******1111'],
    ['a 19-digit payment id', '2612031401050000123'],
    ['a terminal', '14010588'],
    ['a 13-digit millisecond time', '1764720000000'],
    ['a number that fails Luhn', '4111111111111112'],
    ['an ISO time', '2026-12-03T16:00:41.000Z'],
    ['an amount', '12345678.90'],
    ['a short hex id', 'deadbeefcafe'],
    ['a response time', '{"responseTime":1.6454549999980372}'],
    ['a fraction with a phone-like tail', '0.13800138000'],
  ])('leaves %s alone', (_name, text) => {
    expect(redactText(text)).toBe(text)
  })

  it('recognises the networks by prefix and length', () => {
    expect(isPan('4111111111111111')).toBe(true)
    expect(isPan('2223003122003222')).toBe(true)
    expect(isPan('2612031401050000123')).toBe(false)
  })
})

describe('the logger redacts by value', () => {
  it('in messages, format arguments, fields, headers, URLs and errors', () => {
    const { capture, destination } = captureLogs()
    const logger = createLogger({ level: 'info', destination })
    logger.info({ search: '13800138000', nested: { list: ['13900139000'] } }, 'login for 13600136000 failed')
    logger.info('formatted %s', '13700137000')
    logger.error({ err: new Error('no account for 13800138000, card 4111111111111111') }, 'lookup failed')
    const text = capture.text()
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
    expect(text).not.toContain('4111111111111111')
    expect(text).toContain('411111******1111')
    expect(text).toContain(`login for ${PHONE_REDACTED} failed`)
  })
})

describe.each(testStores())('database errors on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  it('are logged without their parameter list, and phones in their detail are hidden', async () => {
    const db = await store.open()
    await db.exec('create table phones_log_test (phone text primary key)')
    await db.query('insert into phones_log_test (phone) values ($1)', ['13800138000'])
    const error = await db.query('insert into phones_log_test (phone) values ($1)', ['13800138000']).then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(Error)
    const { capture, destination } = captureLogs()
    createLogger({ level: 'info', destination }).error({ err: error }, 'insert failed')
    const [line] = capture.lines() as Array<{ err: Record<string, unknown> }>
    expect(line?.err.params).toBeUndefined()
    expect(line?.err.queryOptions).toBeUndefined()
    expect(capture.text()).not.toContain('13800138000')
  })
})

describe('the log-redaction check (scripts/check-log-redaction.ts)', () => {
  it('finds each kind of leak, reports it masked, and passes clean lines', async () => {
    const { findLeaks } = await import('../../../scripts/check-log-redaction')
    const leaky = [
      '{"msg":"login 13800138000"}',
      '{"q":"+447911123456"}',
      `{"key":"${'ab'.repeat(32)}"}`,
      '{"token":"q8Zr3vK0pW5xYt1LmN7bC2dF9gH4jS6aE0uI3oPzQwR"}',
      '{"card":"4111 1111 1111 1111"}',
    ].join('\n')
    const findings = findLeaks(leaky)
    expect(new Set(findings.map((finding) => finding.line))).toEqual(new Set([1, 2, 3, 4, 5]))
    expect(JSON.stringify(findings)).not.toContain('13800138000')
    expect(findLeaks('{"time":1796314035803,"msg":"138****8000 411111******1111 2612031401050000123"}')).toEqual([])
    expect(findLeaks('{"responseTime":1.6454549999980372,"ratio":0.13800138000}')).toEqual([])
    // Random ids are not personal data: a UUID's digits may look like a phone or pass a Luhn check by chance.
    expect(findLeaks('{"reqId":"fc8d7d21-bcca-49bd-b1f6-e17270292294","id":"51c79af8-4466-4123-8456-789012345678"}')).toEqual([])
  })
})
