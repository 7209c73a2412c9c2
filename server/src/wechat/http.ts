/**
 * One call to WeChat's server API: a deadline on every call, the JSON answer parsed whatever the content type says
 * (jscode2session answers text/plain), and every failure to get a usable answer turned into a WechatError.
 */
import type { Transport } from '../outbound/transport'
import { LOCAL_ERRCODE, wechatError } from './errcodes'
import type { WechatError } from './types'

export interface WechatCall {
  /** Short name for messages and logs, e.g. "jscode2session". Never the URL: it can carry the secret or a token. */
  api: string
  method: 'GET' | 'POST'
  url: string
  body?: unknown
}

/** A WeChat answer: its errcode (0 when absent, as on jscode2session's success) and the whole object. */
export interface WechatAnswer {
  errcode: number
  errmsg: string
  body: Record<string, unknown>
}

const MAX_ERRMSG = 200

/** errmsg comes from outside: shortened, and stripped of anything we sent that must stay out of logs. */
export function safeDetail(errmsg: string, secrets: readonly string[]): string {
  let detail = errmsg.slice(0, MAX_ERRMSG)
  for (const secret of secrets) if (secret.length >= 4) detail = detail.split(secret).join('[REDACTED]')
  return detail
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export async function callWechat(
  transport: Transport,
  timeoutMs: number,
  call: WechatCall,
  secrets: readonly string[],
): Promise<WechatAnswer> {
  const { status, text } = await send(transport, timeoutMs, call)
  return parseAnswer(call, status, text, secrets)
}

/**
 * A call whose success is an image (getwxacodeunlimit answers the PNG itself) and whose failure is WeChat's usual
 * JSON errcode answer: told apart by the content type, as WeChat's documentation says to.
 */
export async function callWechatForImage(
  transport: Transport,
  timeoutMs: number,
  call: WechatCall,
  secrets: readonly string[],
): Promise<{ image: Buffer } | WechatAnswer> {
  const { status, text, contentType, bytes } = await send(transport, timeoutMs, call)
  if (status === 200 && contentType.startsWith('image/')) {
    if (bytes === undefined || bytes.length === 0) throw wechatError(call.api, LOCAL_ERRCODE.BAD_RESPONSE, 'empty image')
    return { image: bytes }
  }
  return parseAnswer(call, status, text, secrets)
}

async function send(
  transport: Transport,
  timeoutMs: number,
  call: WechatCall,
): Promise<{ status: number; text: string; contentType: string; bytes: Buffer | undefined }> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new Error(`WeChat ${call.api} timed out after ${timeoutMs} ms`))
  }, timeoutMs)
  let status: number
  let text: string
  let contentType: string
  let bytes: Buffer | undefined
  try {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (call.body !== undefined) headers['content-type'] = 'application/json'
    const response = await transport({
      method: call.method,
      url: call.url,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: controller.signal,
    })
    status = response.status
    text = response.body
    contentType = (response.headers['content-type'] ?? '').toLowerCase()
    bytes = response.bytes
  } catch (error) {
    // The transport's error can quote the URL, which holds the secret or the token: not passed on as the cause.
    const failure: WechatError = timedOut
      ? wechatError(call.api, LOCAL_ERRCODE.TIMEOUT, `no answer within ${timeoutMs} ms`)
      : wechatError(call.api, LOCAL_ERRCODE.NETWORK, error instanceof Error ? error.name : 'request failed')
    throw failure
  } finally {
    clearTimeout(timer)
  }
  return { status, text, contentType, bytes }
}

function parseAnswer(call: WechatCall, status: number, text: string, secrets: readonly string[]): WechatAnswer {
  if (status !== 200) throw wechatError(call.api, LOCAL_ERRCODE.BAD_RESPONSE, `HTTP ${status}`)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw wechatError(call.api, LOCAL_ERRCODE.BAD_RESPONSE, 'answer is not JSON')
  }
  if (!isRecord(parsed)) throw wechatError(call.api, LOCAL_ERRCODE.BAD_RESPONSE, 'answer is not a JSON object')
  const errcode = parsed.errcode ?? 0
  if (typeof errcode !== 'number' || !Number.isInteger(errcode)) {
    throw wechatError(call.api, LOCAL_ERRCODE.BAD_RESPONSE, 'errcode is not an integer')
  }
  const { errmsg } = parsed
  return {
    errcode,
    errmsg: safeDetail(typeof errmsg === 'string' ? errmsg : '', secrets),
    body: parsed,
  }
}
