/**
 * How long a pre-authorization can still be captured or voided, per card brand: one table, each value with its
 * source. Oceanpayment does not publish its own limit; these are the card schemes' rules for a card-not-present
 * pre-authorization, as far as public sources tell. A brand not in the table gets the shortest (Visa's 7 days), so
 * the phone never promises more time than there is. In the contract because both sides need it: the server orders
 * the pending pre-authorizations by it and states days left; the repository builds its SQL from this very table.
 */
import { DAY_MS, toBeijingIso } from './beijing-time'
import type { BeijingTime } from './money'

export interface Validity {
  readonly days: number
  readonly source: string
  readonly assumed: boolean
}

export const AUTHORIZATION_VALIDITY: Readonly<Record<string, Validity>> = {
  visa: {
    days: 7,
    source: 'Visa Core Rules, authorization validity for card-not-present transactions: 7 calendar days (summarised at paymentsandrisk.com/docs/payments/reference/auth-windows)',
    assumed: false,
  },
  mastercard: {
    days: 30,
    source: 'Mastercard Transaction Processing Rules: a message flagged as preauthorization is valid 30 calendar days (paymentsandrisk.com auth-windows; Cybersource "Pre-Authorizations", Visa Platform Connect)',
    assumed: false,
  },
  'american express': {
    days: 7,
    source: 'American Express: 7 days for standard transactions (paymentsandrisk.com auth-windows)',
    assumed: false,
  },
  jcb: { days: 7, source: 'ASSUMED: no public JCB rule found; Visa\'s card-not-present 7 days', assumed: true },
  discover: { days: 7, source: 'ASSUMED: no public rule found for card-not-present; Visa\'s 7 days', assumed: true },
  'diners club': { days: 7, source: 'ASSUMED: no public rule found; Visa\'s 7 days', assumed: true },
}

export const FALLBACK_VALIDITY: Validity = { days: 7, source: 'ASSUMED: unknown brand; the shortest window in the table', assumed: true }

export function validityOf(cardBrand: string | null): Validity {
  const key = (cardBrand ?? '').trim().toLowerCase()
  return AUTHORIZATION_VALIDITY[key] ?? FALLBACK_VALIDITY
}

/** When a pre-authorization expires, and whole days left (0 on its last day; negative once expired). */
export interface AuthorizationExpiry {
  expiresAt: BeijingTime
  daysLeft: number
}

export function authorizationExpiry(cardBrand: string | null, authorizedAt: Date, now: Date): AuthorizationExpiry {
  const expires = new Date(authorizedAt.getTime() + validityOf(cardBrand).days * DAY_MS)
  return { expiresAt: toBeijingIso(expires), daysLeft: Math.floor((expires.getTime() - now.getTime()) / DAY_MS) }
}

