/** The pure rules of the actions: amounts without floating point, the PIN hash, the validity table, the failure table. */
import { describe, expect, it } from 'vitest'
import { ACTION_FAILURES } from '@contract/actions'
import { AUTHORIZATION_VALIDITY, authorizationExpiry, validityOf } from '@contract/authorization-validity'
import { failureOfRefundDetails, failureOfResultCode } from '../../../server/src/actions/gateway-failure'
import { requestHash } from '../../../server/src/actions/idempotency'
import { hashPin, pinMatches } from '../../../server/src/actions/pin'
import { RESULT_CODES } from '../../../server/src/gateway'
import { parseMajor } from '../../../server/src/money'

describe('parseMajor', () => {
  it('reads major units into minor units with at most the currency’s decimals', () => {
    expect(parseMajor('10', 'USD')).toBe(BigInt(1000))
    expect(parseMajor('10.5', 'USD')).toBe(BigInt(1050))
    expect(parseMajor('10.50', 'USD')).toBe(BigInt(1050))
    expect(parseMajor('0.01', 'USD')).toBe(BigInt(1))
    expect(parseMajor('2761', 'JPY')).toBe(BigInt(2761))
    // 0.1 + 0.2 in floating point is 0.30000000000000004: never here.
    expect(parseMajor('999999999999999.99', 'USD')).toBe(BigInt('99999999999999999'))
  })

  it('refuses signs, exponents, spaces, leading zeros, a bare point and extra decimals (even zeros)', () => {
    for (const text of ['-1', '+1', '1e2', ' 1', '1 ', '01', '1.', '.5', '10.505', '10.500', '1,00', '', 'NaN']) {
      expect(parseMajor(text, 'USD'), text).toBeUndefined()
    }
    expect(parseMajor('1.5', 'JPY')).toBeUndefined()
    expect(parseMajor('1.0', 'JPY')).toBeUndefined()
    expect(parseMajor('0', 'USD')).toBe(BigInt(0)) // a zero amount is refused by the action (> 0), not by the parser
  })
})

describe('action PIN hash', () => {
  it('is scrypt with a random salt and its parameters in the string; only the right PIN matches', async () => {
    const one = await hashPin('246810')
    const two = await hashPin('246810')
    expect(one).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(one).not.toBe(two)
    expect(await pinMatches('246810', one)).toBe(true)
    expect(await pinMatches('246811', one)).toBe(false)
    expect(await pinMatches('246810', 'plain$246810')).toBe(false)
  })
})

describe('idempotency request hash', () => {
  it('binds action, payment and body, but not the PIN or the order of fields', () => {
    const base = requestHash('refund', 'P1', { amount: '1.00', reason: 'r', pin: '111111' })
    expect(requestHash('refund', 'P1', { reason: 'r', amount: '1.00', pin: '222222' })).toBe(base)
    expect(requestHash('refund', 'P1', { amount: '1.01', reason: 'r', pin: '111111' })).not.toBe(base)
    expect(requestHash('refund', 'P2', { amount: '1.00', reason: 'r', pin: '111111' })).not.toBe(base)
    expect(requestHash('capture', 'P1', { amount: '1.00', reason: 'r', pin: '111111' })).not.toBe(base)
  })
})

describe('pre-authorization validity', () => {
  it('has a source for every brand, and ASSUMED exactly where no source was found', () => {
    for (const [brand, validity] of Object.entries(AUTHORIZATION_VALIDITY)) {
      expect(validity.source, brand).not.toBe('')
      expect(validity.source.startsWith('ASSUMED'), brand).toBe(validity.assumed)
    }
    expect(validityOf('MasterCard').days).toBe(30)
    expect(validityOf('Visa').days).toBe(7)
    expect(validityOf('Unknown Card')).toMatchObject({ days: 7, assumed: true })
  })

  it('counts whole days left', () => {
    const at = new Date('2026-01-01T00:00:00Z')
    expect(authorizationExpiry('Visa', at, new Date('2026-01-01T01:00:00Z'))).toEqual({ expiresAt: '2026-01-08T08:00:00+08:00', daysLeft: 6 })
    expect(authorizationExpiry('Visa', at, new Date('2026-01-09T00:00:00Z')).daysLeft).toBe(-1)
  })
})

describe('gateway failures table', () => {
  it('maps every Oceanpayment result code to a failure of the contract', () => {
    for (const { code } of RESULT_CODES) expect(ACTION_FAILURES).toContain(failureOfResultCode(code))
    expect(failureOfResultCode('41')).toBe('amount-exceeds-refundable')
    expect(failureOfResultCode('42')).toBe('not-pending-authorization')
    expect(failureOfResultCode('40')).toBe('not-refundable')
    expect(failureOfRefundDetails('Refund failed: insufficient account balance')).toBe('insufficient-balance')
    expect(failureOfRefundDetails('Refund failed')).toBe('gateway-rejected')
  })
})
