/**
 * The action PIN (contract/actions.ts): 6 digits set by the account on first use, kept only as a scrypt hash with
 * a random salt and its parameters in the stored string, so they can be raised later without breaking old PINs.
 * ACTION_PIN_MAX_TRIES wrong tries in a row lock it until the ODPM admin resets it (deletes the row).
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { ACTION_PIN_MAX_TRIES, ACTION_PIN_PATTERN, type ActionPinState } from '@contract/actions'
import type { Db } from '../db'
import { AppError } from '../errors'
import { actionPinsRepository } from '../repositories/action-pins'

/** N = 2^15, r = 8, p = 1: OWASP's minimum for scrypt; ~30 ms here, which a 6-digit PIN needs behind the lockout. */
const PARAMS = { N: 32_768, r: 8, p: 1 } as const
const KEY_LENGTH = 32
const PIN = new RegExp(ACTION_PIN_PATTERN)

function scrypt(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) => {
    scryptCallback(pin, salt, KEY_LENGTH, options, (error, key) => (error === null ? resolve(key) : reject(error)))
  })
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(pin, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scrypt(pin, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

export async function pinState(db: Db, accountId: string): Promise<ActionPinState> {
  const row = await actionPinsRepository(db).find(accountId)
  if (row === undefined) return { set: false, locked: false, triesLeft: ACTION_PIN_MAX_TRIES }
  return { set: true, locked: row.locked, triesLeft: Math.max(0, ACTION_PIN_MAX_TRIES - row.failed_tries) }
}

/** Sets the PIN on first use; 409 CONFLICT when one is set (only the admin's reset clears it). */
export async function setPin(db: Db, accountId: string, pin: string): Promise<void> {
  if (!PIN.test(pin)) throw new AppError(400, 'VALIDATION_FAILED', 'pin: 6 digits')
  const created = await actionPinsRepository(db).create(accountId, await hashPin(pin))
  if (!created) throw new AppError(409, 'CONFLICT', 'the action PIN is already set; the administrator can reset it')
}

/**
 * Checks the PIN of a money-moving request. Wrong: 403 ACTION_PIN_WRONG with triesLeft, and the last try locks it
 * (423 ACTION_PIN_LOCKED from then on). The hash is computed outside the row lock; the count is kept inside one.
 */
export async function checkPin(db: Db, accountId: string, pin: string): Promise<void> {
  const row = await actionPinsRepository(db).find(accountId)
  if (row === undefined) throw new AppError(409, 'ACTION_PIN_NOT_SET', 'set the action PIN first (PUT /api/actions/pin)')
  if (row.locked) throw lockedError()
  const right = PIN.test(pin) && (await pinMatches(pin, row.pin_hash))
  const outcome = await db.transaction(async (tx) => {
    const pins = actionPinsRepository(tx)
    const current = await pins.find(accountId, { lock: true })
    // Reset by the admin meanwhile, or locked by a racing wrong try: the state now decides.
    if (current === undefined) return 'not-set' as const
    if (current.locked) return 'locked' as const
    if (right && current.pin_hash === row.pin_hash) {
      await pins.rightTry(accountId)
      return 'ok' as const
    }
    return pins.wrongTry(accountId, ACTION_PIN_MAX_TRIES)
  })
  if (outcome === 'ok') return
  if (outcome === 'not-set') throw new AppError(409, 'ACTION_PIN_NOT_SET', 'set the action PIN first (PUT /api/actions/pin)')
  if (outcome === 'locked' || outcome >= ACTION_PIN_MAX_TRIES) throw lockedError()
  const triesLeft = ACTION_PIN_MAX_TRIES - outcome
  throw new AppError(403, 'ACTION_PIN_WRONG', `wrong action PIN; ${triesLeft} tries left`, { extras: { triesLeft } })
}

function lockedError(): AppError {
  return new AppError(423, 'ACTION_PIN_LOCKED', 'the action PIN is locked after too many wrong tries; the administrator can reset it')
}
