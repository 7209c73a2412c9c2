/**
 * The rules of mini-program accounts (SPEC §2), shared by the admin API and the admin CLI so both accept and
 * refuse exactly the same input with the same messages.
 */
import { ACCOUNT_PERMISSIONS, MAX_ACCOUNTS_PER_MERCHANT, type AccountPermission, type AdminMerchant, type MiniProgramAccount } from '@contract/admin'
import type { Db } from '../db'
import { AppError } from '../errors'
import { accountsRepository, type AccountFields, type AccountRow } from '../repositories/accounts'
import { merchantsRepository } from '../repositories/merchants'

export interface AccountInput {
  phone?: unknown
  username?: unknown
  position?: unknown
  enabled?: unknown
  permissions?: unknown
}

const MAINLAND = /^1[3-9]\d{9}$/
const INTERNATIONAL = /^\+[1-9]\d{6,14}$/

/**
 * Mainland numbers are kept as their 11 digits (what WeChat calls purePhoneNumber for country code 86), with or
 * without a +86 / 0086 prefix on input; other numbers as + country code + number. Spaces and dashes are ignored.
 * @returns undefined when it is not a phone number
 */
export function normalizePhone(raw: string): string | undefined {
  let phone = raw.replace(/[\s-]/g, '')
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`
  if (phone.startsWith('+86')) phone = phone.slice(3)
  if (MAINLAND.test(phone)) return phone
  return INTERNATIONAL.test(phone) ? phone : undefined
}

/**
 * The one masking of a phone on the wire (login profile, /api/me): 13800138000 → 138****8000,
 * +85261234567 → +852****4567 — staff recognise their number, a screenshot leaks nothing.
 */
export function maskPhone(phone: string): string {
  const keep = phone.startsWith('+') ? 4 : 3
  if (phone.length < keep + 6) return `${phone.slice(0, 1)}****${phone.slice(-2)}`
  return `${phone.slice(0, keep)}****${phone.slice(-4)}`
}

function invalid(message: string): AppError {
  return new AppError(400, 'VALIDATION_FAILED', message)
}

function text(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw invalid(`${field} must be a string`)
  const trimmed = value.trim()
  if (trimmed.length < min || trimmed.length > max) {
    throw invalid(min > 0 ? `${field} must be ${min} to ${max} characters` : `${field} must be at most ${max} characters`)
  }
  return trimmed
}

function permissions(value: unknown): AccountPermission[] {
  if (!Array.isArray(value)) throw invalid('permissions must be an array')
  const allowed: readonly string[] = ACCOUNT_PERMISSIONS
  for (const item of value) {
    if (typeof item !== 'string' || !allowed.includes(item)) {
      throw invalid(`permissions: unknown permission "${String(item)}"; allowed: ${ACCOUNT_PERMISSIONS.join(', ')}`)
    }
  }
  // Stored in the list's own order, without duplicates, so equal sets look equal.
  return ACCOUNT_PERMISSIONS.filter((permission) => (value as unknown[]).includes(permission))
}

function phone(value: unknown): string {
  if (typeof value !== 'string') throw invalid('phone must be a string')
  const normalized = normalizePhone(value)
  if (normalized === undefined) {
    throw invalid('phone must be a mainland mobile number (11 digits, e.g. 13800138000) or + country code and number')
  }
  return normalized
}

function enabled(value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalid('enabled must be true or false')
  return value
}

/** Validates a full account for creation; omitted optional fields take their defaults. */
export function validateNewAccount(input: AccountInput): AccountFields {
  if (input.phone === undefined) throw invalid('phone is required')
  if (input.username === undefined) throw invalid('username is required')
  return {
    phone: phone(input.phone),
    username: text(input.username, 'username', 1, 32),
    position: input.position === undefined ? '' : text(input.position, 'position', 0, 32),
    enabled: input.enabled === undefined ? true : enabled(input.enabled),
    permissions: input.permissions === undefined ? [] : permissions(input.permissions),
  }
}

/** Validates the fields present in a change. */
export function validateAccountChange(input: AccountInput): Partial<AccountFields> {
  const change: Partial<AccountFields> = {}
  if (input.phone !== undefined) change.phone = phone(input.phone)
  if (input.username !== undefined) change.username = text(input.username, 'username', 1, 32)
  if (input.position !== undefined) change.position = text(input.position, 'position', 0, 32)
  if (input.enabled !== undefined) change.enabled = enabled(input.enabled)
  if (input.permissions !== undefined) change.permissions = permissions(input.permissions)
  if (Object.keys(change).length === 0) throw invalid('nothing to change: give at least one field')
  return change
}

export function toWire(row: AccountRow): MiniProgramAccount {
  return {
    id: row.id,
    merchantAccount: row.merchant,
    phone: row.phone,
    username: row.username,
    position: row.position,
    enabled: row.enabled,
    permissions: row.permissions,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function phoneTaken(): AppError {
  return new AppError(409, 'PHONE_ALREADY_BOUND', 'another account of this merchant already has this phone number')
}

async function requireMerchant(db: Db, merchant: string): Promise<void> {
  if (!/^\d{6}$/.test(merchant) || (await merchantsRepository(db).find(merchant)) === undefined) {
    throw new AppError(404, 'NOT_FOUND', `unknown merchant account ${merchant}`)
  }
}

function notFound(id: string): AppError {
  return new AppError(404, 'NOT_FOUND', `no account ${id} at this merchant`)
}

/** Every merchant this server serves, with how many mini-program accounts each has. */
export async function listMerchants(db: Db): Promise<AdminMerchant[]> {
  const counts = await accountsRepository(db).countsByMerchant()
  return (await merchantsRepository(db).list()).map((m) => ({ account: m.account, name: m.name, accounts: counts.get(m.account) ?? 0 }))
}

export async function listAccounts(db: Db, merchant: string): Promise<MiniProgramAccount[]> {
  await requireMerchant(db, merchant)
  return (await accountsRepository(db).list(merchant)).map(toWire)
}

export async function createAccount(db: Db, merchant: string, input: AccountInput): Promise<MiniProgramAccount> {
  await requireMerchant(db, merchant)
  const result = await accountsRepository(db).create(merchant, validateNewAccount(input))
  switch (result.kind) {
    case 'created':
      return toWire(result.account)
    case 'no-merchant':
      throw new AppError(404, 'NOT_FOUND', `unknown merchant account ${merchant}`)
    case 'phone-taken':
      throw phoneTaken()
    case 'limit-reached':
      throw new AppError(
        409,
        'ACCOUNT_LIMIT_REACHED',
        `merchant ${merchant} already has ${MAX_ACCOUNTS_PER_MERCHANT} mini-program accounts, the most allowed; delete one first`,
      )
  }
}

export async function updateAccount(db: Db, merchant: string, id: string, input: AccountInput): Promise<MiniProgramAccount> {
  await requireMerchant(db, merchant)
  if (!UUID.test(id)) throw notFound(id)
  const result = await accountsRepository(db).update(merchant, id, validateAccountChange(input))
  if (result.kind === 'not-found') throw notFound(id)
  if (result.kind === 'phone-taken') throw phoneTaken()
  return toWire(result.account)
}

export async function removeAccount(db: Db, merchant: string, id: string): Promise<void> {
  await requireMerchant(db, merchant)
  if (!UUID.test(id) || !(await accountsRepository(db).remove(merchant, id))) throw notFound(id)
}
