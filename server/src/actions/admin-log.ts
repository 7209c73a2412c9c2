/**
 * The ODPM admin's view of acting from the phone (contract/actions.ts "Admin", SPEC §4): a merchant's action log
 * with filters, keyset pages and a CSV export; an account's action PIN reset; its daily refund limits per
 * currency; and, in the account list, whether a PIN is set or locked and which limits hold.
 */
import type { AdminActionRecord, AdminActionsPage, ActionKind, ActionStatus } from '@contract/actions'
import type { AdminAccountActions, MiniProgramAccount } from '@contract/admin'
import { formatBeijingDateTime } from '@contract/beijing-time'
import { CURRENCY_CODES, currencyDecimals, type CurrencyCode, type Money } from '@contract/money'
import type { Db } from '../db'
import { AppError } from '../errors'
import { toAdminActionRecord } from './action-record'
import { csvRow } from '../lib/csv'
import { decodeCursor, encodeCursor, filterFingerprint } from '../lib/list-cursor'
import { parseInstant } from '../lib/time-range'
import { money } from '../money'
import { accountsRepository } from '../repositories/accounts'
import { adminActionsRepository, type ActionLogFilter } from '../repositories/admin-actions'
import { merchantsRepository } from '../repositories/merchants'
import { listAccounts } from '../services/accounts'

export const DEFAULT_ACTION_PAGE = 50
export const MAX_ACTION_PAGE = 200
/** The CSV holds at most this many rows (newest first); narrow the filter for more. */
export const MAX_CSV_ROWS = 50_000

export interface ActionLogQuery {
  from?: string
  to?: string
  kind?: ActionKind
  status?: ActionStatus
  userId?: string
  cursor?: string
  limit?: number
}

async function requireMerchant(db: Db, merchant: string): Promise<void> {
  if ((await merchantsRepository(db).find(merchant)) === undefined) {
    throw new AppError(404, 'NOT_FOUND', `unknown merchant account ${merchant}`)
  }
}

async function requireAccount(db: Db, merchant: string, id: string): Promise<void> {
  await requireMerchant(db, merchant)
  if ((await accountsRepository(db).find(merchant, id)) === undefined) {
    throw new AppError(404, 'NOT_FOUND', `no account ${id} at this merchant`)
  }
}

function filterOf(merchant: string, query: ActionLogQuery): Omit<ActionLogFilter, 'limit' | 'after'> {
  const from = query.from === undefined ? undefined : parseInstant('from', query.from)
  const to = query.to === undefined ? undefined : parseInstant('to', query.to)
  if (from !== undefined && to !== undefined && to < from) throw new AppError(400, 'VALIDATION_FAILED', 'to: must not be before from')
  return { merchant, from, to, kind: query.kind, status: query.status, userId: query.userId }
}

function fingerprintOf(merchant: string, query: ActionLogQuery): string {
  const { from, to, kind, status, userId } = query
  return filterFingerprint(`admin-actions:${merchant}`, { from, to, kind, status, userId })
}

/** `GET /admin/api/merchants/:account/actions`: newest first, `nextCursor` while more rows follow. */
export async function listActionLog(db: Db, merchant: string, query: ActionLogQuery, now: Date): Promise<AdminActionsPage> {
  await requireMerchant(db, merchant)
  const filter = filterOf(merchant, query)
  const fingerprint = fingerprintOf(merchant, query)
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, fingerprint)
  const limit = query.limit ?? DEFAULT_ACTION_PAGE
  const rows = await adminActionsRepository(db).log({ ...filter, after, limit: limit + 1 })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((row) => toAdminActionRecord(row, now)),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ time: last.sort_key, id: last.id }, fingerprint) : null,
  }
}

export const ACTION_CSV_HEADER = [
  'time (Beijing UTC+8)',
  'action id',
  'kind',
  'status',
  'failure',
  'needs attention',
  'payment id',
  'order number',
  'amount',
  'currency',
  'gateway code',
  'username',
  'phone (masked)',
  'user id',
  'request id',
] as const

function csvLine(record: AdminActionRecord, createdAt: Date): string {
  return csvRow([
    formatBeijingDateTime(createdAt),
    record.id,
    record.kind,
    record.status,
    record.failure,
    record.needsAttention,
    record.paymentId,
    record.orderNumber,
    record.amount?.amount ?? null,
    record.amount?.currency ?? null,
    record.gatewayCode,
    record.actor.username,
    record.actor.maskedPhone,
    record.userId,
    record.requestId,
  ])
}

/** `GET …/actions.csv`: the same filters (no cursor), every matching row up to MAX_CSV_ROWS, newest first. */
export async function actionLogCsv(db: Db, merchant: string, query: Omit<ActionLogQuery, 'cursor' | 'limit'>, now: Date): Promise<string> {
  await requireMerchant(db, merchant)
  const filter = filterOf(merchant, query)
  const repository = adminActionsRepository(db)
  let out = csvRow(ACTION_CSV_HEADER)
  let after: ActionLogFilter['after']
  for (let written = 0; written < MAX_CSV_ROWS; ) {
    const rows = await repository.log({ ...filter, after, limit: Math.min(1_000, MAX_CSV_ROWS - written) })
    for (const row of rows) out += csvLine(toAdminActionRecord(row, now), new Date(row.created_at))
    written += rows.length
    const last = rows[rows.length - 1]
    if (last === undefined || rows.length < 1_000) break
    after = { time: last.sort_key, id: last.id }
  }
  return out
}

/** `POST …/users/:id/pin-reset`: the account sets a new PIN on its next money-moving action; a lock is lifted. */
export async function resetActionPin(db: Db, merchant: string, id: string): Promise<void> {
  await requireAccount(db, merchant, id)
  await adminActionsRepository(db).resetPin(id)
}

/** A limit's amount: plain decimal, at most the currency's decimals, greater than zero. */
function limitMinor(limit: Money, index: number): { currency: CurrencyCode; dailyMinor: bigint } {
  const where = `limits[${index}]`
  if (!(CURRENCY_CODES as readonly string[]).includes(limit.currency)) {
    throw new AppError(400, 'VALIDATION_FAILED', `${where}.currency: must be one of ${CURRENCY_CODES.join(', ')}`)
  }
  const decimals = currencyDecimals(limit.currency)
  const pattern = decimals === 0 ? /^(0|[1-9]\d{0,14})$/ : new RegExp(`^(0|[1-9]\\d{0,14})(\\.\\d{1,${decimals}})?$`)
  if (!pattern.test(limit.amount)) {
    throw new AppError(400, 'VALIDATION_FAILED', `${where}.amount: a decimal amount with at most ${decimals} decimals for ${limit.currency}`)
  }
  const [whole = '0', fraction = ''] = limit.amount.split('.')
  const dailyMinor = BigInt(whole + fraction.padEnd(decimals, '0'))
  if (dailyMinor <= BigInt(0)) throw new AppError(400, 'VALIDATION_FAILED', `${where}.amount: must be greater than zero`)
  return { currency: limit.currency as CurrencyCode, dailyMinor }
}

/** `PUT …/users/:id/refund-limits`: replaces the account's daily refund limits; [] removes them all. */
export async function setRefundLimits(db: Db, merchant: string, id: string, limits: readonly Money[]): Promise<Money[]> {
  const parsed = limits.map(limitMinor)
  const seen = new Set<string>()
  for (const limit of parsed) {
    if (seen.has(limit.currency)) throw new AppError(400, 'VALIDATION_FAILED', `limits: ${limit.currency} is given twice`)
    seen.add(limit.currency)
  }
  await requireAccount(db, merchant, id)
  await db.transaction((tx) => adminActionsRepository(tx).replaceRefundLimits(id, parsed))
  return parsed.map((limit) => money(limit.currency, limit.dailyMinor))
}

export type AdminAccount = MiniProgramAccount & AdminAccountActions

/** Accounts as the admin sees them: each with its PIN state and refund limits. */
export async function withActionState(db: Db, merchant: string, accounts: readonly MiniProgramAccount[]): Promise<AdminAccount[]> {
  const repository = adminActionsRepository(db)
  const pins = new Map((await repository.pinStates(merchant)).map((row) => [row.account_id, row.locked]))
  const limits = await repository.refundLimits(merchant)
  return accounts.map((account) => ({
    ...account,
    actionPin: { set: pins.has(account.id), locked: pins.get(account.id) === true },
    refundLimits: limits.filter((row) => row.account_id === account.id).map((row) => money(row.currency, row.daily_minor)),
  }))
}

/** The admin's account list with each account's PIN state and refund limits. */
export async function listAccountsWithActions(db: Db, merchant: string): Promise<AdminAccount[]> {
  return withActionState(db, merchant, await listAccounts(db, merchant))
}
