/** The sandbox's terminal table: who may call it, and the secureCode each signature is checked with. */
import type { Queryable } from '../../../db'

export interface SandboxTerminal {
  readonly account: string
  readonly terminal: string
  /** Secret (sandbox-only, but treated like a real one): never logged, never in a response. */
  readonly secureCode: string
  readonly name: string
}

export async function findTerminal(db: Queryable, terminal: string): Promise<SandboxTerminal | undefined> {
  const { rows } = await db.query<{ account: string; terminal: string; secure_code: string; name: string }>(
    'select account, terminal, secure_code, name from sandbox_terminals where terminal = $1',
    [terminal],
  )
  const row = rows[0]
  return row && { account: row.account, terminal: row.terminal, secureCode: row.secure_code, name: row.name }
}

/** Creates or updates a terminal (a changed secureCode replaces the old one). */
export async function upsertTerminal(db: Queryable, terminal: SandboxTerminal): Promise<void> {
  await db.query(
    `insert into sandbox_terminals (terminal, account, secure_code, name) values ($1, $2, $3, $4)
     on conflict (terminal) do update set account = excluded.account, secure_code = excluded.secure_code,
       name = excluded.name`,
    [terminal.terminal, terminal.account, terminal.secureCode, terminal.name],
  )
}

export async function listTerminals(db: Queryable): Promise<Array<Omit<SandboxTerminal, 'secureCode'>>> {
  const { rows } = await db.query<{ account: string; terminal: string; name: string }>(
    'select account, terminal, name from sandbox_terminals order by account, terminal',
  )
  return rows
}

/** Sets a merchant account's refundable balance in one currency (only where none is recorded yet, unless forced). */
export async function setBalance(
  db: Queryable,
  balance: { account: string; currency: string; availableMinor: bigint },
  options: { onlyIfMissing: boolean },
): Promise<void> {
  const conflict = options.onlyIfMissing ? 'do nothing' : 'do update set available_minor = excluded.available_minor'
  await db.query(
    `insert into sandbox_balances (account, currency, available_minor) values ($1, $2, $3)
     on conflict (account, currency) ${conflict}`,
    [balance.account, balance.currency, balance.availableMinor.toString()],
  )
}

export async function getBalance(db: Queryable, account: string, currency: string): Promise<bigint | undefined> {
  const { rows } = await db.query<{ available_minor: string }>(
    'select available_minor::text as available_minor from sandbox_balances where account = $1 and currency = $2',
    [account, currency],
  )
  const row = rows[0]
  return row === undefined ? undefined : BigInt(row.available_minor)
}
