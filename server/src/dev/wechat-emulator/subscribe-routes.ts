/**
 * Subscribe messages in the emulator (docs/wechat-emulator.md):
 * - WeChat's `POST /cgi-bin/message/subscribe/send?access_token=…`, with WeChat's checks in WeChat's order and its
 *   errcodes: 41001/40001/42001 token, 45011 per-minute and 45009 daily quota, 40003 openid, 40037 template,
 *   41030 page, 47003 a data field breaking its type's rule (push/field-rules.ts, the sender's own rules), 43101
 *   no grant left. What it accepts it records: the "phone".
 * - Ours (the assistant's envelope): `POST /dev/subscribe` is wx.requestSubscribeMessage's sheet for a browser,
 *   `GET /dev/subscribe-settings` is wx.getSetting's itemSettings, `GET /dev/subscribe-messages` lists what the
 *   phone received (the H5 sandbox panel, tests).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { SubscribeTopic } from '@contract/subscriptions'
import { AppError } from '../../errors'
import { handleError } from '../../error-handler'
import { fieldProblem, fieldTypeOf } from '../../push/field-rules'
import { TEMPLATE_KEYS } from '../../push/templates'
import { ERRCODE } from '../../wechat/errcodes'
import { identityFor } from './identity'
import type { EmulatorStore } from './store'
import { checkAccessToken } from './token-check'
import { subscribeStore, type EmuChoice } from './subscribe-store'
import type { Db } from '../../db'

export interface SubscribeRoutesOptions {
  db: Db
  store: EmulatorStore
  appId: string
  clock: () => number
  /** The templates "chosen on the platform" for this appid: topic → template id (config.wechat.subscribeTemplates). */
  templates: Readonly<Partial<Record<SubscribeTopic, string>>>
  apiPerMinute: number
  /** subscribe/send calls per Beijing day before 45009. */
  dailyQuota: number
  devPerMinute: number
}

/** The emulator's stand-in for the daily figure WeChat sets per app (shown in its console under 接口额度). */
export const DEFAULT_SUBSCRIBE_DAILY_QUOTA = 100_000

const OPENID = /^o[A-Za-z0-9_-]{27}$/
/** A page of this mini-program, WeChat's way: no leading slash, a query allowed. */
const PAGE = /^(?:pages|subpackages)(?:\/[a-z0-9-]+)+\/index(?:\?[\x21-\x7e]*)?$/
const STATES = new Set(['developer', 'trial', 'formal'])
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW'])

const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg })

const text = { type: 'string', maxLength: 1024 } as const
const device = { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' } as const
const templateId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } as const

/** Like WeChat: a malformed body is an errcode in a 200 answer, not our envelope. */
function wechatStyleErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.validation !== undefined) return reply.code(200).send(fail(ERRCODE.INVALID_ARGS, 'invalid args'))
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) return reply.code(200).send(fail(ERRCODE.DATA_FORMAT_ERROR, 'data format error'))
  return handleError(error, request, reply)
}

interface SendBody {
  touser?: string
  template_id?: string
  page?: string
  data?: Record<string, { value?: unknown }>
  miniprogram_state?: string
  lang?: string
}

export async function subscribeRoutes(app: FastifyInstance, options: SubscribeRoutesOptions): Promise<void> {
  const { store, appId, clock } = options
  const subscribe = subscribeStore(options.db)
  const keysOf = new Map(
    Object.entries(options.templates).map(([topic, id]) => [id, TEMPLATE_KEYS[topic as SubscribeTopic] ?? []]),
  )

  const limit = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const quota = await store.withinQuota(`dev:${request.ip}`, options.devPerMinute, clock())
    if (!quota.allowed) {
      void reply.header('retry-after', String(quota.retryAfterSeconds))
      throw new AppError(429, 'TOO_MANY_REQUESTS', 'too many emulator requests; try again in a minute')
    }
  }

  /** The first rule the data breaks, WeChat's way ("argument invalid! data.thing3.value …"). */
  const dataProblem = (template: string, data: SendBody['data']): string | undefined => {
    for (const key of keysOf.get(template) ?? []) {
      const type = fieldTypeOf(key)
      const value = data?.[key]?.value
      if (type === undefined) continue
      if (typeof value !== 'string') return `argument invalid! data.${key}.value is empty`
      const problem = fieldProblem(type, value)
      if (problem !== undefined) return `argument invalid! data.${key}.value ${problem}`
    }
    return undefined
  }

  app.post<{ Querystring: { access_token?: string }; Body: SendBody }>(
    '/cgi-bin/message/subscribe/send',
    {
      errorHandler: wechatStyleErrors,
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { access_token: text } },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            touser: text,
            template_id: text,
            page: text,
            data: {
              type: 'object',
              maxProperties: 20,
              additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: { value: { type: 'string', maxLength: 1024 } },
              },
            },
            miniprogram_state: text,
            lang: text,
          },
        },
        response: { 200: { type: 'object', properties: { errcode: { type: 'integer' }, errmsg: { type: 'string' } } } },
      },
    },
    async (request) => {
      const checked = await checkAccessToken(store, request.query.access_token, clock())
      if (!checked.ok) return fail(checked.errcode, checked.errmsg)
      if (!(await store.withinQuota(`api:subscribe_send:${checked.appId}`, options.apiPerMinute, clock())).allowed) {
        return fail(ERRCODE.RATE_LIMITED, 'api minute-quota reach limit mustslower retry next minute')
      }
      if (!(await subscribe.withinDailyQuota(`subscribe_send:${checked.appId}`, options.dailyQuota, clock()))) {
        return fail(ERRCODE.DAILY_QUOTA, 'reach max api daily quota limit')
      }
      const body = request.body
      if (body.touser === undefined || !OPENID.test(body.touser)) return fail(ERRCODE.INVALID_OPENID, 'invalid openid')
      if (body.template_id === undefined || !keysOf.has(body.template_id)) {
        return fail(ERRCODE.INVALID_TEMPLATE_ID, 'invalid template_id')
      }
      if (body.page !== undefined && body.page !== '' && !PAGE.test(body.page)) return fail(ERRCODE.INVALID_PAGE, 'invalid page')
      const state = body.miniprogram_state ?? 'formal'
      const lang = body.lang ?? 'zh_CN'
      if (!STATES.has(state)) return fail(ERRCODE.ARGUMENT_INVALID, 'argument invalid! miniprogram_state')
      if (!LANGS.has(lang)) return fail(ERRCODE.ARGUMENT_INVALID, 'argument invalid! lang')
      const problem = dataProblem(body.template_id, body.data)
      if (problem !== undefined) return fail(ERRCODE.ARGUMENT_INVALID, problem)
      if (!(await subscribe.useGrant(checked.appId, body.touser, body.template_id))) {
        return fail(ERRCODE.USER_REFUSED, 'user refuse to accept the msg')
      }
      const data: Record<string, { value: string }> = {}
      for (const key of keysOf.get(body.template_id) ?? []) data[key] = { value: String(body.data?.[key]?.value) }
      await subscribe.receive(
        { appId: checked.appId, openid: body.touser, templateId: body.template_id, page: body.page ?? null, data, miniprogramState: state, lang },
        clock(),
      )
      return fail(ERRCODE.OK, 'ok')
    },
  )

  const openidOf = (deviceId: string): string => identityFor(appId, deviceId).openid

  app.post<{ Body: { device: string; choices: Record<string, EmuChoice>; keep?: boolean } }>(
    '/dev/subscribe',
    {
      preHandler: limit,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['device', 'choices'],
          properties: {
            device,
            // wx.requestSubscribeMessage takes at most 3 one-time templates per call.
            choices: {
              type: 'object',
              minProperties: 1,
              maxProperties: 3,
              propertyNames: templateId,
              additionalProperties: { type: 'string', enum: ['accept', 'reject'] },
            },
            keep: { type: 'boolean' },
          },
        },
      },
    },
    async (request) => {
      const { choices, keep } = request.body
      const openid = openidOf(request.body.device)
      const unknown = Object.keys(choices).filter((id) => !keysOf.has(id))
      // WeChat fails the whole call (errCode 20001) when a template id is not one of the app's.
      if (unknown.length > 0) throw new AppError(400, 'VALIDATION_FAILED', `not a template of this mini-program: ${unknown.join(', ')}`)
      const kept = await subscribe.keptChoices(appId, openid)
      const results: Record<string, EmuChoice> = {}
      for (const [id, asked] of Object.entries(choices)) {
        // A choice kept for always is answered without showing the sheet, whatever the user would tap now.
        const choice = kept[id] ?? asked
        await subscribe.answer(appId, openid, id, choice, keep === true && kept[id] === undefined)
        results[id] = choice
      }
      return { errMsg: 'requestSubscribeMessage:ok', results }
    },
  )

  app.get<{ Querystring: { device: string } }>(
    '/dev/subscribe-settings',
    {
      preHandler: limit,
      schema: { querystring: { type: 'object', additionalProperties: false, required: ['device'], properties: { device } } },
    },
    async (request) => ({ itemSettings: await subscribe.keptChoices(appId, openidOf(request.query.device)) }),
  )

  app.get<{ Querystring: { device?: string } }>(
    '/dev/subscribe-messages',
    {
      preHandler: limit,
      schema: { querystring: { type: 'object', additionalProperties: false, properties: { device } } },
    },
    async (request) => {
      const openid = request.query.device === undefined ? undefined : openidOf(request.query.device)
      const messages = await subscribe.received(appId, openid, 50)
      return {
        messages: messages.map((message) => ({
          templateId: message.templateId,
          page: message.page,
          data: message.data,
          miniprogramState: message.miniprogramState,
          lang: message.lang,
          receivedAt: new Date(message.receivedAt).toISOString(),
        })),
      }
    },
  )
}
