/**
 * The webhook's share of the store. Oceanpayment can deliver a burst of notices at once, and each holds a
 * connection for its whole transaction; when `notifications` is slow or locked, an unbounded burst took all ten
 * pooled connections and every login, read and admin request queued behind it (issue 12, item 1). Notice writes
 * therefore pass a gate of their own: at most a quarter of the connections (at least one), and a delivery that
 * cannot get a place within DB_TIMEOUTS.noticeWriteWaitMs is refused, so the webhook answers "not received" and
 * Oceanpayment retries later.
 *
 * Why a gate and not a second pool: the gate caps what notice writes take from the one pool without adding
 * connections (a second pool would raise every process's connection count on the server), and it also bounds
 * PGlite, where a second pool does not exist. Reads are never behind it: they do not enter this gate, and at
 * least three quarters of the connections stay free of notice writes.
 */
import { createGate, type Gate } from './gate'
import { DB_TIMEOUTS } from './timeouts'
import type { Db } from './types'

const gates = new WeakMap<Db, Gate>()

/** How many connections notice writes may hold at once on `connections` connections. */
export function noticeWriteLimit(connections: number): number {
  return Math.max(1, Math.floor(connections / 4))
}

/** The gate of `db`'s notice writes (one per store, shared by every route that writes notices on it). */
export function noticeWriteShare(db: Db): Gate {
  let gate = gates.get(db)
  if (gate === undefined) {
    gate = createGate({
      max: noticeWriteLimit(db.connections ?? 1),
      waitMs: DB_TIMEOUTS.noticeWriteWaitMs,
      reason: 'share-full',
      what: 'the webhook share of connections',
    })
    gates.set(db, gate)
  }
  return gate
}
