/**
 * Redaction by value: what key-based redaction (redact.ts) cannot see — a phone number inside an error's detail
 * (`Key (phone)=(13800138000) already exists`), a search term in a URL, a token pasted into a message. Applied to
 * every string of every log line, so it stays cheap: four regular expressions, no parsing.
 */

export const PHONE_REDACTED = '[PHONE]'
export const TOKEN_REDACTED = '[TOKEN]'

/**
 * Mainland mobile numbers (1[3-9] and nine digits, optionally +86/86 ahead) not inside a longer digit run, and
 * international numbers written with their `+`. A masked number (138****8000) carries no phone and is kept.
 */
const PHONE = /(?<![\d+.])(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)|\+\d{7,15}(?!\d)/g

/**
 * 64 hex digits: signing keys (32 random bytes as hex) and anything hashed or keyed like them. 43 base64url
 * characters mixing upper, lower and digits: session and admin tokens (32 random bytes as base64url).
 */
const HEX_KEY = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/g
const BASE64URL_TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g

/** Card numbers: 13–19 digits, optionally in groups split by spaces or dashes. Checked further in isPan. */
const CARD_LIKE = /(?<![\d.])\d(?:[ -]?\d){12,18}(?!\d)/g

function luhn(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/**
 * The card networks' prefixes and lengths (Visa, Mastercard incl. 2-series, Amex, Discover, UnionPay, JCB,
 * Diners). The lengths matter: our 19-digit payment ids start with the date (2612…), which no network issues at
 * that length, so they stay readable in the logs.
 */
const NETWORKS: ReadonlyArray<{ prefix: RegExp; lengths: readonly number[] }> = [
  { prefix: /^4/, lengths: [13, 16, 19] },
  { prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] },
  { prefix: /^3[47]/, lengths: [15] },
  { prefix: /^(?:6011|65|64[4-9]|62)/, lengths: [16, 17, 18, 19] },
  { prefix: /^35/, lengths: [16, 17, 18, 19] },
  { prefix: /^3(?:0[0-5]|[689])/, lengths: [14, 15, 16] },
]

export function isPan(digits: string): boolean {
  return NETWORKS.some(({ prefix, lengths }) => prefix.test(digits) && lengths.includes(digits.length)) && luhn(digits)
}

/** First 6 and last 4 stay (what a receipt shows); the middle becomes stars. */
function maskPan(digits: string): string {
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`
}

function isRandomLooking(token: string): boolean {
  return /[A-Z]/.test(token) && /[a-z]/.test(token) && /\d/.test(token)
}

export function redactText(text: string): string {
  // Cheap exit: most log strings (messages, paths, codes) carry no run of seven digits or long token.
  if (!/\d{7}|[A-Za-z0-9_-]{43}|\d[ -]\d/.test(text)) return text
  return text
    .replace(CARD_LIKE, (match) => {
      const digits = match.replace(/[ -]/g, '')
      return isPan(digits) ? maskPan(digits) : match
    })
    .replace(HEX_KEY, TOKEN_REDACTED)
    .replace(BASE64URL_TOKEN, (match) => (isRandomLooking(match) ? TOKEN_REDACTED : match))
    .replace(PHONE, PHONE_REDACTED)
}
