/**
 * Every bound on waiting for the store, in one place (docs/resilience.md explains each value). A slow or locked
 * part must degrade only itself: what cannot get a connection, a lock or an answer in time fails fast with
 * DbUnavailableError (503 SERVICE_UNAVAILABLE + Retry-After) instead of queueing every other request behind it.
 * Not configurable: no deployment so far has needed other values, and fewer knobs means fewer wrong settings.
 */
export const DB_TIMEOUTS = {
  /** PostgreSQL: how long a caller waits for a pooled connection (pg's connectionTimeoutMillis). */
  connectionWaitMs: 3_000,
  /** PostgreSQL: the longest one statement may run (statement_timeout). The slowest read (bench/) is ~50 ms. */
  statementMs: 10_000,
  /** PostgreSQL: the longest a statement waits for a row or table lock (lock_timeout). */
  lockMs: 2_000,
  /** PostgreSQL: a transaction left idle this long is ended by the server, freeing its locks and connection. */
  idleInTransactionMs: 15_000,
  /** PGlite (one connection): the longest a query or transaction waits for its turn on the connection. */
  queueWaitMs: 5_000,
  /** Webhook notice writes: the longest a delivery waits for one of its share of connections (notice-writes.ts). */
  noticeWriteWaitMs: 1_000,
} as const

/** What a 503 tells the caller to wait before trying again: a lock or a burst usually passes within seconds. */
export const RETRY_AFTER_SECONDS = 5

/**
 * The longest any request may take, end to end, before it is answered 503 and logged (Fastify's handlerTimeout).
 * Above every store bound (a request may wait for a connection, then a lock, then run a statement) and below the
 * mini-program's own 30 s request timeout, so the client always gets our answer rather than its own give-up.
 */
export const REQUEST_TIMEOUT_MS = 20_000
