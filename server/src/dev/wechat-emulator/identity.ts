/**
 * The emulator's made-up WeChat identities: openids (stable per browser "device" when one is given), session keys,
 * codes and tokens in WeChat's own shapes, and the phone numbers a developer may pretend to have bound.
 */
import { createHash, randomBytes } from 'node:crypto'

export interface EmulatedIdentity {
  openid: string
  unionid: string
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}

/**
 * WeChat's openids are 28 characters starting with "o", and differ per mini-program. With a device id the same
 * browser is the same WeChat user on every login (and every server process: it is derived, not stored); without
 * one, every login is a new user.
 */
export function identityFor(appId: string, device: string | undefined): EmulatedIdentity {
  const seed = device ?? randomBytes(16).toString('hex')
  return {
    openid: `o${digest(`openid:${appId}:${seed}`).slice(0, 27)}`,
    // A unionid is the same user across all apps of one open-platform account, so it ignores the appid.
    unionid: `o${digest(`unionid:${seed}`).slice(0, 27)}`,
  }
}

/** 16 random bytes, base64: the shape of a real session_key. */
export function newSessionKey(): string {
  return randomBytes(16).toString('base64')
}

export function newLoginCode(): string {
  return randomBytes(24).toString('base64url')
}

export function newPhoneCode(): string {
  return randomBytes(32).toString('hex')
}

export function newAccessToken(): string {
  return randomBytes(96).toString('base64url')
}

export interface EmulatedPhone {
  /** What WeChat calls phoneNumber: the bare number in mainland China, "+<country code><number>" elsewhere. */
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
}

const MAINLAND = /^1[3-9]\d{9}$/
const MAINLAND_WITH_CODE = /^\+86[ -]?(1[3-9]\d{9})$/
const INTERNATIONAL = /^\+([1-9]\d{0,2})[ -](\d{4,14})$/
/** E.164: at most 15 digits with the country code. */
const MAX_DIGITS = 15

/**
 * Accepts a mainland mobile number ("13800138000", also as "+86 13800138000") or "+<country code> <number>" with a
 * space or "-" after the country code ("+852 61234567"), because without that separator the country code is
 * ambiguous.
 */
export function parsePhone(raw: string): EmulatedPhone | undefined {
  const mainland = MAINLAND.test(raw) ? raw : MAINLAND_WITH_CODE.exec(raw)?.[1]
  if (mainland !== undefined) return { phoneNumber: mainland, purePhoneNumber: mainland, countryCode: '86' }
  const match = INTERNATIONAL.exec(raw)
  if (match === null) return undefined
  const [, countryCode, pure] = match
  if (countryCode === '86' || countryCode.length + pure.length > MAX_DIGITS) return undefined
  return { phoneNumber: `+${countryCode}${pure}`, purePhoneNumber: pure, countryCode }
}
