/**
 * What every action route does first (contract/actions.ts): who is acting, whether they may, and the one audit row
 * of the attempt. A refused attempt — no permission, a payment of another merchant, bad state — is written too, so
 * the log answers "who tried what" as well as "who did what". Both the money-moving actions and the tools use it.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { ACTION_PERMISSION, type ActionFailure, type ActionKind, type ActionStatus } from '@contract/actions'
import type { Db, Queryable } from '../db'
import { AppError } from '../errors'
import { requireAuth, type AuthContext } from '../auth/request-context'
import { accountsRepository } from '../repositories/accounts'
import { actionsRepository, type ActionRow, type NewAction } from '../repositories/actions'
import { maskPhone } from '../services/accounts'

/** The account acting, as the audit log copies it. */
export interface Actor {
  readonly auth: AuthContext
  readonly username: string
  readonly maskedPhone: string
}

export async function actorOf(db: Db, request: FastifyRequest): Promise<Actor> {
  const auth = requireAuth(request)
  const account = await accountsRepository(db).find(auth.merchantNo, auth.userId)
  // The session was valid a moment ago; an account deleted since is a dead session.
  if (account === undefined) throw new AppError(401, 'SESSION_EXPIRED', 'the account no longer exists')
  return { auth, username: account.username, maskedPhone: maskPhone(account.phone) }
}

/** The fields of an attempt beyond who, what and when. */
export interface AttemptFields {
  paymentId?: string | null
  orderNumber?: string | null
  currency?: string | null
  amountMinor?: bigint | null
  status: ActionStatus
  failure?: ActionFailure | null
  gatewayCode?: string | null
  gatewayRef?: string | null
  detail?: Record<string, unknown>
  idempotencyKey?: string | null
  nextCheckAt?: Date | null
  /** Defaults to a new UUID; a money action passes the id it already sent to Oceanpayment as refund_number. */
  id?: string
}

export function newAttempt(actor: Actor, kind: ActionKind, requestId: string, fields: AttemptFields): NewAction {
  return {
    id: fields.id ?? randomUUID(),
    merchant: actor.auth.merchantNo,
    accountId: actor.auth.userId,
    username: actor.username,
    maskedPhone: actor.maskedPhone,
    kind,
    paymentId: fields.paymentId ?? null,
    orderNumber: fields.orderNumber ?? null,
    currency: fields.currency ?? null,
    amountMinor: fields.amountMinor ?? null,
    status: fields.status,
    failure: fields.failure ?? null,
    gatewayCode: fields.gatewayCode ?? null,
    gatewayRef: fields.gatewayRef ?? null,
    detail: fields.detail ?? {},
    requestId,
    idempotencyKey: fields.idempotencyKey ?? null,
    nextCheckAt: fields.nextCheckAt ?? null,
  }
}

/** Writes the attempt's one audit row. */
export function recordAttempt(db: Queryable, attempt: NewAction): Promise<ActionRow> {
  return actionsRepository(db).insert(attempt)
}

/**
 * The account must hold the action's permission; otherwise the refusal is audited and answered 403 FORBIDDEN.
 * `target` says what the refused attempt was about (the payment), when known.
 */
export async function requirePermission(
  db: Db,
  request: FastifyRequest,
  kind: ActionKind,
  target: Pick<AttemptFields, 'paymentId' | 'orderNumber'> = {},
): Promise<Actor> {
  const actor = await actorOf(db, request)
  if (!actor.auth.permissions.includes(ACTION_PERMISSION[kind])) {
    await recordAttempt(db, newAttempt(actor, kind, request.id, { ...target, status: 'failed', failure: 'not-permitted' }))
    throw new AppError(403, 'FORBIDDEN', `this account may not ${kind}`)
  }
  return actor
}
