/**
 * The emulator's state in the shared store (wechat_emu_* tables, migration 0007): codes, issued access tokens and
 * per-minute counters. Every check-and-change is one statement or one locked transaction, so two server processes
 * on one PostgreSQL cannot both redeem a code or both pass the last call of a quota.
 */
import type { Db, Queryable } from '../../db'
import { newAccessToken } from './identity'

export const CODE_TTL_MS = 5 * 60 * 1000
export const TOKEN_TTL_SECONDS = 7200
/** stable_token (normal mode) issues a new token once the current one has less than this left; so does WeChat. */
export const TOKEN_OVERLAP_MS = 5 * 60 * 1000
const WINDOW_MS = 60 * 1000
/** Expired codes are kept a day, so a late retry still learns "used" rather than "invalid". */
const CODE_RETENTION_MS = 24 * 60 * 60 * 1000

export type CodeKind = 'login' | 'phone'

export interface LoginCodeData {
  openid: string
  unionid: string
}

export interface PhoneCodeData {
  countryCode: string
  purePhoneNumber: string
}

interface CodeRow {
  openid: string | null
  unionid: string | null
  phone_country_code: string | null
  phone_pure: string | null
}

export type Redeemed<T> = { ok: true; data: T } | { ok: false; reason: 'invalid' | 'used' }

export interface IssuedToken {
  token: string
  expiresInSeconds: number
}

export type TokenCheck = { ok: true; appId: string } | { ok: false; reason: 'invalid' | 'expired' }

const iso = (ms: number): string => new Date(ms).toISOString()
const millis = (value: Date | string): number => new Date(value).getTime()

/** Serialises token issuing per appid across processes (PGlite has one connection and needs no lock). */
async function lockApp(db: Db, tx: Queryable, appId: string): Promise<void> {
  if (db.kind === 'postgres') await tx.query(`select pg_advisory_xact_lock(hashtext('wechat-emulator:token:' || $1))`, [appId])
}

export function emulatorStore(db: Db) {
  async function mint(code: string, kind: CodeKind, appId: string, data: CodeRow, now: number): Promise<void> {
    await db.query('delete from wechat_emu_codes where expires_at < $1', [iso(now - CODE_RETENTION_MS)])
    await db.query(
      `insert into wechat_emu_codes
         (code, kind, appid, openid, unionid, phone_country_code, phone_pure, created_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [code, kind, appId, data.openid, data.unionid, data.phone_country_code, data.phone_pure, iso(now), iso(now + CODE_TTL_MS)],
    )
  }

  async function redeem(code: string, kind: CodeKind, appId: string, now: number): Promise<Redeemed<CodeRow>> {
    const { rows } = await db.query<CodeRow>(
      `update wechat_emu_codes set used_at = $4
       where code = $1 and kind = $2 and appid = $3 and used_at is null and expires_at > $4
       returning openid, unionid, phone_country_code, phone_pure`,
      [code, kind, appId, iso(now)],
    )
    const row = rows[0]
    if (row !== undefined) return { ok: true, data: row }
    const { rows: known } = await db.query<{ used: boolean }>(
      'select used_at is not null as used from wechat_emu_codes where code = $1 and kind = $2 and appid = $3',
      [code, kind, appId],
    )
    return { ok: false, reason: known[0]?.used === true ? 'used' : 'invalid' }
  }

  return {
    async mintLoginCode(code: string, appId: string, data: LoginCodeData, now: number): Promise<void> {
      const row = { openid: data.openid, unionid: data.unionid, phone_country_code: null, phone_pure: null }
      await mint(code, 'login', appId, row, now)
    },

    async mintPhoneCode(code: string, appId: string, data: PhoneCodeData, now: number): Promise<void> {
      const row = { openid: null, unionid: null, phone_country_code: data.countryCode, phone_pure: data.purePhoneNumber }
      await mint(code, 'phone', appId, row, now)
    },

    async redeemLoginCode(code: string, appId: string, now: number): Promise<Redeemed<LoginCodeData>> {
      const result = await redeem(code, 'login', appId, now)
      if (!result.ok) return result
      return { ok: true, data: { openid: result.data.openid ?? '', unionid: result.data.unionid ?? '' } }
    },

    async redeemPhoneCode(code: string, appId: string, now: number): Promise<Redeemed<PhoneCodeData>> {
      const result = await redeem(code, 'phone', appId, now)
      if (!result.ok) return result
      const { phone_country_code: countryCode, phone_pure: purePhoneNumber } = result.data
      return { ok: true, data: { countryCode: countryCode ?? '', purePhoneNumber: purePhoneNumber ?? '' } }
    },

    /**
     * /cgi-bin/stable_token. Normal mode: the current token while it has more than five minutes left, else a new
     * one. Forced: the current tokens stop working at once and a new one is issued.
     */
    async stableToken(appId: string, forceRefresh: boolean, now: number): Promise<IssuedToken> {
      return db.transaction(async (tx) => {
        await lockApp(db, tx, appId)
        if (forceRefresh) {
          await tx.query(
            `update wechat_emu_tokens set revoked_at = $2
             where appid = $1 and kind = 'stable' and revoked_at is null and expires_at > $2`,
            [appId, iso(now)],
          )
        } else {
          const { rows } = await tx.query<{ access_token: string; expires_at: Date | string }>(
            `select access_token, expires_at from wechat_emu_tokens
             where appid = $1 and kind = 'stable' and revoked_at is null and expires_at > $2
             order by expires_at desc limit 1`,
            [appId, iso(now + TOKEN_OVERLAP_MS)],
          )
          const current = rows[0]
          if (current !== undefined) {
            return {
              token: current.access_token,
              expiresInSeconds: Math.floor((millis(current.expires_at) - now) / 1000),
            }
          }
        }
        return issue(tx, appId, 'stable', now)
      })
    },

    /** /cgi-bin/token: a new token on every call; the previous one keeps working for five more minutes at most. */
    async basicToken(appId: string, now: number): Promise<IssuedToken> {
      return db.transaction(async (tx) => {
        await lockApp(db, tx, appId)
        await tx.query(
          `update wechat_emu_tokens set expires_at = $2
           where appid = $1 and kind = 'basic' and revoked_at is null and expires_at > $2`,
          [appId, iso(now + TOKEN_OVERLAP_MS)],
        )
        return issue(tx, appId, 'basic', now)
      })
    },

    async checkToken(token: string, now: number): Promise<TokenCheck> {
      const { rows } = await db.query<{ appid: string; expires_at: Date | string; revoked: boolean }>(
        'select appid, expires_at, revoked_at is not null as revoked from wechat_emu_tokens where access_token = $1',
        [token],
      )
      const row = rows[0]
      if (row === undefined || row.revoked) return { ok: false, reason: 'invalid' }
      if (millis(row.expires_at) <= now) return { ok: false, reason: 'expired' }
      return { ok: true, appId: row.appid }
    },

    /**
     * Counts one call in `bucket`'s current minute; false when that goes over `limit`. Refused calls count too, as
     * at WeChat: hammering a quota does not make it reset sooner.
     */
    async withinQuota(bucket: string, limit: number, now: number): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
      const windowStart = now - (now % WINDOW_MS)
      const { rows } = await db.query<{ calls: number }>(
        `insert into wechat_emu_rate (bucket, window_start, calls) values ($1, $2, 1)
         on conflict (bucket, window_start) do update set calls = wechat_emu_rate.calls + 1
         returning calls`,
        [bucket, iso(windowStart)],
      )
      const calls = Number(rows[0]?.calls ?? 1)
      if (calls === 1) {
        await db.query('delete from wechat_emu_rate where bucket = $1 and window_start < $2', [bucket, iso(windowStart)])
      }
      return { allowed: calls <= limit, retryAfterSeconds: Math.ceil((windowStart + WINDOW_MS - now) / 1000) }
    },
  }
}

async function issue(tx: Queryable, appId: string, kind: 'stable' | 'basic', now: number): Promise<IssuedToken> {
  const token = newAccessToken()
  await tx.query(
    `insert into wechat_emu_tokens (access_token, appid, kind, issued_at, expires_at) values ($1, $2, $3, $4, $5)`,
    [token, appId, kind, iso(now), iso(now + TOKEN_TTL_SECONDS * 1000)],
  )
  return { token, expiresInSeconds: TOKEN_TTL_SECONDS }
}

export type EmulatorStore = ReturnType<typeof emulatorStore>
