/**
 * WeChat's own endpoints, on WeChat's paths, with WeChat's field names and errcodes: what the client calls when
 * WECHAT_API_BASE points here. Like WeChat, every answer is HTTP 200 and a failure is an errcode in the body.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { handleError } from '../../error-handler'
import { ERRCODE } from '../../wechat/errcodes'
import { newSessionKey } from './identity'
import type { EmulatorStore } from './store'
import { checkAccessToken } from './token-check'

export interface WechatRoutesOptions {
  store: EmulatorStore
  appId: string
  secret: string
  clock: () => number
  /** Calls per minute per appid and endpoint before errcode 45011. */
  apiPerMinute: number
}

interface WechatFailure {
  errcode: number
  errmsg: string
}

const fail = (errcode: number, errmsg: string): WechatFailure => ({ errcode, errmsg })

const RATE_LIMITED = fail(ERRCODE.RATE_LIMITED, 'api minute-quota reach limit mustslower retry next minute')

const text = { type: 'string', maxLength: 1024 } as const

const errorFields = {
  errcode: { type: 'integer' },
  errmsg: { type: 'string' },
} as const

const tokenAnswer = {
  200: {
    type: 'object',
    properties: { access_token: { type: 'string' }, expires_in: { type: 'integer' }, ...errorFields },
  },
} as const

function sameSecret(given: string, expected: string): boolean {
  const hash = (value: string): Buffer => createHash('sha256').update(value).digest()
  return timingSafeEqual(hash(given), hash(expected))
}

/**
 * Malformed requests get WeChat's answers too (40097 invalid args, 47001 data format error) rather than our
 * envelope, so the client sees what it would see from WeChat. Anything else is a server fault: the app's handler.
 */
export function wechatStyleErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.validation !== undefined) return reply.code(200).send(fail(ERRCODE.INVALID_ARGS, 'invalid args'))
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) return reply.code(200).send(fail(ERRCODE.DATA_FORMAT_ERROR, 'data format error'))
  return handleError(error, request, reply)
}

/** The path alone in request logs: the query carries the login code (and the secret, already redacted by name). */
const pathOnly = {
  req: (request: FastifyRequest) => ({ method: request.method, url: request.url.split('?')[0] }),
}

export async function wechatRoutes(app: FastifyInstance, options: WechatRoutesOptions): Promise<void> {
  const { store, appId, secret, clock, apiPerMinute } = options

  /** The appid/secret pair of jscode2session and the token endpoints; undefined when it is this app's. */
  const checkCredentials = (appid: string | undefined, given: string | undefined): WechatFailure | undefined => {
    if (appid === undefined || appid === '') return fail(ERRCODE.APPID_MISSING, 'appid missing')
    if (given === undefined || given === '') return fail(ERRCODE.SECRET_MISSING, 'appsecret missing')
    if (appid !== appId) return fail(ERRCODE.INVALID_APPID, 'invalid appid')
    if (!sameSecret(given, secret)) return fail(ERRCODE.INVALID_APPSECRET, 'invalid appsecret')
    return undefined
  }

  const withinQuota = async (api: string, appid: string): Promise<boolean> =>
    (await store.withinQuota(`api:${api}:${appid}`, apiPerMinute, clock())).allowed

  app.get<{ Querystring: { appid?: string; secret?: string; js_code?: string; grant_type?: string } }>(
    '/sns/jscode2session',
    {
      logSerializers: pathOnly,
      errorHandler: wechatStyleErrors,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { appid: text, secret: text, js_code: text, grant_type: text },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              openid: { type: 'string' },
              session_key: { type: 'string' },
              unionid: { type: 'string' },
              ...errorFields,
            },
          },
        },
      },
    },
    async (request) => {
      const { appid, secret: given, js_code: code, grant_type: grantType } = request.query
      const bad = checkCredentials(appid, given)
      if (bad !== undefined) return bad
      if (grantType !== 'authorization_code') return fail(ERRCODE.INVALID_GRANT_TYPE, 'invalid grant_type')
      if (code === undefined || code === '') return fail(ERRCODE.CODE_MISSING, 'missing code')
      if (!(await withinQuota('jscode2session', appId))) return RATE_LIMITED
      const redeemed = await store.redeemLoginCode(code, appId, clock())
      if (!redeemed.ok) {
        return redeemed.reason === 'used'
          ? fail(ERRCODE.CODE_BEEN_USED, 'code been used')
          : fail(ERRCODE.INVALID_CODE, 'invalid code')
      }
      return { openid: redeemed.data.openid, session_key: newSessionKey(), unionid: redeemed.data.unionid }
    },
  )

  app.get<{ Querystring: { appid?: string; secret?: string; grant_type?: string } }>(
    '/cgi-bin/token',
    {
      errorHandler: wechatStyleErrors,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { appid: text, secret: text, grant_type: text },
        },
        response: tokenAnswer,
      },
    },
    async (request) => {
      const { appid, secret: given, grant_type: grantType } = request.query
      if (grantType !== 'client_credential') return fail(ERRCODE.INVALID_GRANT_TYPE, 'invalid grant_type')
      const bad = checkCredentials(appid, given)
      if (bad !== undefined) return bad
      if (!(await withinQuota('token', appId))) return RATE_LIMITED
      const issued = await store.basicToken(appId, clock())
      return { access_token: issued.token, expires_in: issued.expiresInSeconds }
    },
  )

  app.post<{ Body: { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean } }>(
    '/cgi-bin/stable_token',
    {
      errorHandler: wechatStyleErrors,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { grant_type: text, appid: text, secret: text, force_refresh: { type: 'boolean' } },
        },
        response: tokenAnswer,
      },
    },
    async (request) => {
      const { appid, secret: given, grant_type: grantType, force_refresh: forceRefresh } = request.body
      if (grantType !== 'client_credential') return fail(ERRCODE.INVALID_GRANT_TYPE, 'invalid grant_type')
      const bad = checkCredentials(appid, given)
      if (bad !== undefined) return bad
      if (!(await withinQuota('stable_token', appId))) return RATE_LIMITED
      const issued = await store.stableToken(appId, forceRefresh === true, clock())
      return { access_token: issued.token, expires_in: issued.expiresInSeconds }
    },
  )

  app.post<{ Querystring: { access_token?: string }; Body: { code?: string } }>(
    '/wxa/business/getuserphonenumber',
    {
      errorHandler: wechatStyleErrors,
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { access_token: text } },
        body: { type: 'object', additionalProperties: false, properties: { code: text } },
        response: {
          200: {
            type: 'object',
            properties: {
              ...errorFields,
              phone_info: {
                type: 'object',
                properties: {
                  phoneNumber: { type: 'string' },
                  purePhoneNumber: { type: 'string' },
                  countryCode: { type: 'string' },
                  watermark: {
                    type: 'object',
                    properties: { timestamp: { type: 'integer' }, appid: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const checked = await checkAccessToken(store, request.query.access_token, clock())
      if (!checked.ok) return fail(checked.errcode, checked.errmsg)
      if (!(await withinQuota('getuserphonenumber', checked.appId))) return RATE_LIMITED
      const code = request.body.code
      if (code === undefined || code === '') return fail(ERRCODE.CODE_MISSING, 'missing code')
      const now = clock()
      const redeemed = await store.redeemPhoneCode(code, checked.appId, now)
      if (!redeemed.ok) {
        return redeemed.reason === 'used'
          ? fail(ERRCODE.CODE_BEEN_USED, 'code been used')
          : fail(ERRCODE.INVALID_CODE, 'invalid code')
      }
      const { countryCode, purePhoneNumber } = redeemed.data
      return {
        errcode: ERRCODE.OK,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: countryCode === '86' ? purePhoneNumber : `+${countryCode}${purePhoneNumber}`,
          purePhoneNumber,
          countryCode,
          watermark: { timestamp: Math.floor(now / 1000), appid: checked.appId },
        },
      }
    },
  )
}
