/**
 * The rules behind the fuzz suite, at the lowest level that proves each: cursors and from/to are fully
 * validated, and a notice's unstorable characters are neutralised (and said so), not a reason to lose it.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../server/src/errors'
import { decodeCursor, encodeCursor } from '../../../server/src/lib/list-cursor'
import { parseInstant, resolveRange } from '../../../server/src/lib/time-range'
import { noticeFromFields } from '../../../server/src/notifications/notice'
import { noticeFields } from '../notifications/support'

const forge = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).statusCode).toBe(400)
    return (error as AppError).message
  }
  throw new Error('not refused')
}

describe('list cursors', () => {
  it('round-trips a cursor the server made', () => {
    const key = { time: '2025-05-01T02:03:04.123456Z', id: 'PAY-1' }
    expect(decodeCursor(encodeCursor(key, 'fp'), 'fp')).toEqual(key)
  })

  it.each([
    ['Feb 30', { t: '2025-02-30T00:00:00.000000Z', i: '1' }],
    ['Apr 31', { t: '2025-04-31T00:00:00.000000Z', i: '1' }],
    ['hour 24', { t: '2025-05-01T24:00:00.000000Z', i: '1' }],
    ['minute 60', { t: '2025-05-01T23:60:00.000000Z', i: '1' }],
    ['year 0000', { t: '0000-01-01T00:00:00.000000Z', i: '1' }],
    ['a NUL id', { t: '2025-05-01T00:00:00.000000Z', i: '1\u0000' }],
    ['an id with a space', { t: '2025-05-01T00:00:00.000000Z', i: 'a b' }],
    ['an overlong id', { t: '2025-05-01T00:00:00.000000Z', i: 'x'.repeat(65) }],
    ['a numeric id', { t: '2025-05-01T00:00:00.000000Z', i: 1 }],
  ])('refuses a forged cursor with %s, even with the right fingerprint', (_what, parts) => {
    expect(refusal(() => decodeCursor(forge({ ...parts, f: 'fp' }), 'fp'))).toMatch(/^cursor: not a cursor of this list$/)
  })
})

describe('from/to', () => {
  it.each([
    '2025-02-30T00:00:00+08:00',
    '2025-04-31T00:00:00+08:00',
    '2025-02-29T00:00:00+08:00', // 2025 is not a leap year
    '2025-05-01T24:00:00+08:00',
    '2025-05-01T23:60:00+08:00',
    '2025-05-01T23:59:60+08:00',
    '2025-13-01T00:00:00+08:00',
    '2025-05-01T00:00:00+15:00',
    '2025-05-01T00:00:00+08:60',
    '2025-05-01T00:00:00',
  ])('refuses %s instead of shifting it', (text) => {
    expect(refusal(() => parseInstant('from', text))).toMatch(/^from: must be a real ISO 8601 date-time/)
  })

  it('accepts real date-times, leap days and the extreme real offsets', () => {
    expect(parseInstant('from', '2024-02-29T23:59:59.999+08:00').toISOString()).toBe('2024-02-29T15:59:59.999Z')
    expect(parseInstant('to', '2025-05-01T00:00:00-12:00').toISOString()).toBe('2025-05-01T12:00:00.000Z')
    expect(parseInstant('to', '2025-05-01T00:00:00+14:00').toISOString()).toBe('2025-04-30T10:00:00.000Z')
  })

  it('refuses bounds after tomorrow (year 9999 made malformed chart days) and keeps the end of today', () => {
    const now = new Date('2025-05-15T04:00:00Z') // 12:00 Beijing time
    expect(refusal(() => resolveRange({ from: '9999-12-31T23:59:59+08:00' }, now))).toBe('from: must not be after tomorrow')
    expect(refusal(() => resolveRange({ from: '2025-05-15T00:00:00+08:00', to: '9999-01-01T00:00:00+08:00' }, now))).toBe(
      'to: must not be after tomorrow',
    )
    const range = resolveRange({ from: '2025-05-15T00:00:00+08:00', to: '2025-05-16T23:59:59+08:00' }, now)
    expect(range.to.toISOString()).toBe('2025-05-16T15:59:59.000Z')
  })
})

describe('a notice with control characters', () => {
  it('is kept with each one replaced by U+FFFD, and the logger hears which fields and why', () => {
    const warnings: Array<{ details: object; message: string }> = []
    const logger = { warn: (details: object, message: string) => void warnings.push({ details, message }) }
    const parsed = noticeFromFields(noticeFields({ push_details: '4837:No\u0000card\u001bholder', push_id: 'PUSH-\u0000' }), logger)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.notice.pushDetails).toBe('4837:No\ufffdcard\ufffdholder')
    expect(parsed.notice.pushId).toBe('PUSH-\ufffd')
    expect(parsed.neutralised.sort()).toEqual(['push_details', 'push_id'])
    expect(warnings).toHaveLength(1)
    expect((warnings[0].details as { fields: string[] }).fields.sort()).toEqual(['push_details', 'push_id'])
    expect(warnings[0].message).toMatch(/control characters replaced/)
  })

  it('keeps tabs and line breaks, which are text', () => {
    const parsed = noticeFromFields(noticeFields({ push_details: 'line one\r\nline\ttwo' }))
    expect(parsed.ok && parsed.notice.pushDetails).toBe('line one\r\nline\ttwo')
  })
})
