/**
 * The access_token check every WeChat endpoint that takes one makes, with WeChat's errcodes: 41001 missing, 40001
 * invalid or replaced by a forced refresh, 42001 expired. Shared by the emulator's endpoints.
 */
import { ERRCODE } from '../../wechat/errcodes'
import type { EmulatorStore } from './store'

export type TokenAnswer = { ok: true; appId: string } | { ok: false; errcode: number; errmsg: string }

export async function checkAccessToken(store: EmulatorStore, token: string | undefined, now: number): Promise<TokenAnswer> {
  if (token === undefined || token === '') return { ok: false, errcode: ERRCODE.ACCESS_TOKEN_MISSING, errmsg: 'access_token missing' }
  const checked = await store.checkToken(token, now)
  if (checked.ok) return checked
  return checked.reason === 'expired'
    ? { ok: false, errcode: ERRCODE.ACCESS_TOKEN_EXPIRED, errmsg: 'access_token expired' }
    : { ok: false, errcode: ERRCODE.INVALID_CREDENTIAL, errmsg: 'invalid credential, access_token is invalid or not latest' }
}
