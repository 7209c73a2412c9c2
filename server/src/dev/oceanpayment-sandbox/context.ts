/** What every sandbox operation handler works with: the store, the clock, the settings and the notice outbox. */
import { randomBytes } from 'node:crypto'
import type { Db } from '../../db'
import type { ResultCodeValue } from '../../gateway'
import type { Notifier } from './notifier'

export interface SandboxSettings {
  /** How long a requested refund stays pending before it is decided. */
  readonly refundSettleDelayMs: number
  /** Where business-order notifications are POSTed. */
  readonly noticeUrl: string
}

export interface SandboxContext {
  readonly db: Db
  readonly now: () => Date
  readonly settings: SandboxSettings
  readonly notifier: Notifier
}

/** A handler's verdict: a result code from RESULT_CODES, a specific message, answer fields and list records. */
export interface Answer {
  readonly code: ResultCodeValue
  /** Defaults to the table's message for the code. */
  readonly details?: string
  /** Scalar answer fields (names as in OPERATIONS[op].response.fields). */
  readonly fields?: Readonly<Record<string, string>>
  readonly records?: ReadonlyArray<Readonly<Record<string, string>>>
}

export function reject(code: ResultCodeValue, details: string, fields?: Record<string, string>): Answer {
  return { code, details, fields }
}

/** Unique, unguessable IDs for things the sandbox creates at request time (refunds, cases, notifications). */
export function newId(prefix: string): string {
  return `${prefix}${randomBytes(8).toString('hex').toUpperCase()}`
}
