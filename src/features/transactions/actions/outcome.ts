/**
 * What an action's answer means to the sheet, and the one sentence of each failure (contract ACTION_FAILURES) in
 * the merchant's language. Pure, so every branch is tested without rendering.
 */
import { isApiClientError } from '@/api'
import type { Words } from '@/hooks/use-words'
import type { ActionWord } from '@/i18n/features/actions'
import type { ActionFailure, ActionRecord, ActionStatus } from '@contract/actions'

/** How a failed submission continues. */
export type SubmitProblem =
  /** Wrong PIN: back on the pad, with the tries left (the Idempotency-Key is not consumed). */
  | { kind: 'pin-wrong'; triesLeft: number }
  /** Locked: only the ODPM admin can reset it. */
  | { kind: 'pin-locked' }
  /** The account has no PIN yet (set on another phone, then reset): set one. */
  | { kind: 'pin-not-set' }
  /** The server refused the action: why, in one sentence; nothing changed. */
  | { kind: 'refused'; failure: ActionFailure }
  /** No answer, or the same key is still being processed: the same confirmation may be sent again, same key. */
  | { kind: 'retry'; reason: 'network' | 'busy' }
  /** Anything else (a bad request, a session problem the app handles): the code, for support. */
  | { kind: 'other'; code: string }

export function submitProblem(error: unknown): SubmitProblem {
  if (!isApiClientError(error)) return { kind: 'retry', reason: 'network' }
  switch (error.code) {
    case 'ACTION_PIN_WRONG':
      return { kind: 'pin-wrong', triesLeft: error.triesLeft ?? 0 }
    case 'ACTION_PIN_LOCKED':
      return { kind: 'pin-locked' }
    case 'ACTION_PIN_NOT_SET':
      return { kind: 'pin-not-set' }
    case 'ACTION_REFUSED':
      return { kind: 'refused', failure: error.failure ?? 'gateway-rejected' }
    case 'IDEMPOTENCY_KEY_IN_USE':
      return { kind: 'retry', reason: 'busy' }
    case 'FORBIDDEN':
      return { kind: 'refused', failure: 'not-permitted' }
    default:
      // A 5xx or no answer at all: the server may or may not have acted, so only the same key may be sent again.
      if (error.kind === 'network' || error.kind === 'server') return { kind: 'retry', reason: 'network' }
      return { kind: 'other', code: error.code }
  }
}

/** One sentence: why it failed. Oceanpayment's raw code is added only where the sentence is about its refusal. */
export function failureSentence(w: Words<ActionWord>, failure: ActionFailure, gatewayCode: string | null = null): string {
  if (failure === 'gateway-rejected') {
    return w('actions.failure.gateway-rejected', { code: gatewayCode === null ? '' : w('actions.failure.code', { code: gatewayCode }) })
  }
  return w(`actions.failure.${failure}`)
}

export function isFinal(status: ActionStatus): boolean {
  return status === 'succeeded' || status === 'failed'
}

/** The final state's headline: "退款成功" / "Capture failed". */
export function finalHeadline(w: Words<ActionWord>, record: Pick<ActionRecord, 'kind' | 'status'>): string {
  const kind = record.kind === 'capture' || record.kind === 'void' ? record.kind : 'refund'
  return w(record.status === 'succeeded' ? `actions.state.succeeded.${kind}` : `actions.state.failed.${kind}`)
}

/**
 * Days before a pre-authorization expires (AvailableActions daysLeft: null unknown, 0 today, negative once past —
 * Oceanpayment may still accept it, the issuer may refuse).
 */
export function daysLeftText(w: Words<ActionWord>, days: number | null): string {
  if (days === null) return w('actions.daysLeft.unknown')
  if (days < 0) return w('actions.daysLeft.expired', { days: -days })
  return days === 0 ? w('actions.daysLeft.today') : w('actions.daysLeft', { days })
}
