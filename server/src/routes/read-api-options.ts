/** What every read API route plugin is given. */
import type { Db } from '../db'

export interface ReadApiOptions {
  db: Db
  /** The clock for "today" and "one year back"; tests pin it. */
  now: () => Date
}
