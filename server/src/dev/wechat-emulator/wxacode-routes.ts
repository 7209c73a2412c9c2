/**
 * WeChat's mini-program code and URL link endpoints (issue 15), on WeChat's paths with WeChat's fields and errcodes
 * (developers.weixin.qq.com: getwxacodeunlimit = wxacode.getUnlimited, generate_urllink = urllink.generate):
 *
 *   POST /wxa/getwxacodeunlimit?access_token=…  { scene, page?, check_path?, env_version?, width?, … }
 *        → the image itself (image/png), or HTTP 200 JSON { errcode, errmsg } on error
 *   POST /wxa/generate_urllink?access_token=…   { path?, query?, expire_type?, expire_time?, expire_interval?, env_version? }
 *        → { errcode: 0, errmsg: "ok", url_link }
 *
 * WeChat's round code is not a QR code, and no test could read a scene back from one; the emulator answers an
 * honest stand-in: a real PNG (a QR code of the scene, so a person can still read it with any scanner) and it
 * RECORDS every code it drew (wechat_emu_wxacodes), which its own dev endpoint `GET /dev/wxacodes` lists for tests
 * and the demo.
 */
import { randomBytes } from 'node:crypto'
import QRCode from 'qrcode'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../db'
import { ERRCODE } from '../../wechat/errcodes'
import type { EmulatorStore } from './store'
import { wechatStyleErrors } from './wechat-routes'

export interface WxacodeRoutesOptions {
  db: Db
  store: EmulatorStore
  clock: () => number
  apiPerMinute: number
}

/** WeChat's documented errcodes of these two APIs (besides the access-token ones shared with every API). */
const INVALID_SCENE = 40129
const INVALID_PAGE = 41030
const INVALID_PATH = 40165
const INVALID_QUERY = 40212
const INVALID_EXPIRE_TIME = 85401
const INVALID_EXPIRE_INTERVAL = 85402
/** getwxacodeunlimit's documented per-minute limit (5000 a minute at WeChat) answers 45009, not the usual 45011. */
const WXACODE_OVER_QUOTA = { errcode: 45009, errmsg: 'reach max api minute quota limit' }
/** generate_urllink's documented frequency limit answers 44990. */
const URLLINK_OVER_QUOTA = { errcode: 44990, errmsg: 'freq limit' }

/** scene: at most 32 visible characters of digits, letters and !#$&'()*+,/:;=?@-._~ (WeChat's rule). */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
/** query of a URL link: at most 1024 characters of digits, letters and !#$&'()*+,/:;=?@-._~% . */
const QUERY = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]{0,1024}$/
/** A page path as WeChat wants it: no leading '/', no query. */
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/
/**
 * The pages of the released mini-program the emulator stands for (src/app.config.ts's main package): with
 * check_path (the default) WeChat refuses a page the released version lacks. Written out because the server never
 * imports the client; tests/server/dev/wechat-emulator/published-pages.test.ts fails when they drift apart.
 */
export const PUBLISHED_PAGES: ReadonlySet<string> = new Set([
  'pages/home/index',
  'pages/messages/index',
  'pages/me/index',
  'pages/login/index',
  'pages/message-detail/index',
  'pages/not-found/index',
])
const ENV_VERSIONS = ['release', 'trial', 'develop']
const DAY_MS = 24 * 60 * 60 * 1000
/** WeChat: a URL link lives at most 30 days. */
const MAX_LINK_DAYS = 30

const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg })

const text = { type: 'string', maxLength: 2048 } as const
const tokenQuery = { type: 'object', additionalProperties: false, properties: { access_token: text } } as const
const color = {
  type: 'object',
  additionalProperties: false,
  properties: { r: { type: 'integer' }, g: { type: 'integer' }, b: { type: 'integer' } },
} as const

interface WxacodeBody {
  scene?: string
  page?: string
  check_path?: boolean
  env_version?: string
  width?: number
  auto_color?: boolean
  line_color?: { r?: number; g?: number; b?: number }
  is_hyaline?: boolean
}

interface UrlLinkBody {
  path?: string
  query?: string
  expire_type?: number
  expire_time?: number
  expire_interval?: number
  env_version?: string
  is_expire?: boolean
}

export async function wxacodeRoutes(app: FastifyInstance, options: WxacodeRoutesOptions): Promise<void> {
  const { db, store, clock, apiPerMinute } = options

  /** The access token as every WeChat API checks it; the app id it was issued to, or WeChat's failure. */
  const authorize = async (token: string | undefined, api: string, overQuota: { errcode: number; errmsg: string }) => {
    if (token === undefined || token === '') return { failure: fail(ERRCODE.ACCESS_TOKEN_MISSING, 'access_token missing') }
    const checked = await store.checkToken(token, clock())
    if (!checked.ok) {
      return {
        failure:
          checked.reason === 'expired'
            ? fail(ERRCODE.ACCESS_TOKEN_EXPIRED, 'access_token expired')
            : fail(ERRCODE.INVALID_CREDENTIAL, 'invalid credential, access_token is invalid or not latest'),
      }
    }
    if (!(await store.withinQuota(`api:${api}:${checked.appId}`, apiPerMinute, clock())).allowed) {
      return { failure: overQuota }
    }
    return { appId: checked.appId }
  }

  app.post<{ Querystring: { access_token?: string }; Body: WxacodeBody }>(
    '/wxa/getwxacodeunlimit',
    {
      errorHandler: wechatStyleErrors,
      schema: {
        querystring: tokenQuery,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            scene: text,
            page: text,
            check_path: { type: 'boolean' },
            env_version: text,
            width: { type: 'integer' },
            auto_color: { type: 'boolean' },
            line_color: color,
            is_hyaline: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) => {
      const auth = await authorize(request.query.access_token, 'getwxacodeunlimit', WXACODE_OVER_QUOTA)
      if ('failure' in auth) return auth.failure
      const body = request.body
      const scene = body.scene ?? ''
      if (!SCENE.test(scene)) return fail(INVALID_SCENE, 'invalid scene')
      const envVersion = body.env_version ?? 'release'
      if (!ENV_VERSIONS.includes(envVersion)) return fail(ERRCODE.INVALID_ARGS, 'invalid args: env_version')
      // No page: the mini-program's home page.
      const page = body.page ?? 'pages/home/index'
      const checkPath = body.check_path ?? true
      if (!PAGE.test(page) || (checkPath && !PUBLISHED_PAGES.has(page))) return fail(INVALID_PAGE, 'invalid page')
      // WeChat draws 280–1280 px and clamps what is outside.
      const width = Math.min(1280, Math.max(280, body.width ?? 430))
      await db.query(
        `insert into wechat_emu_wxacodes (appid, scene, page, check_path, env_version, width, requested_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [auth.appId, scene, page, checkPath, envVersion, width, new Date(clock())],
      )
      const image = await QRCode.toBuffer(scene, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' })
      return reply.type('image/png').send(image)
    },
  )

  app.post<{ Querystring: { access_token?: string }; Body: UrlLinkBody }>(
    '/wxa/generate_urllink',
    {
      errorHandler: wechatStyleErrors,
      schema: {
        querystring: tokenQuery,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            path: text,
            query: text,
            expire_type: { type: 'integer' },
            expire_time: { type: 'integer' },
            expire_interval: { type: 'integer' },
            env_version: text,
            is_expire: { type: 'boolean' },
          },
        },
        response: {
          200: { type: 'object', properties: { errcode: { type: 'integer' }, errmsg: { type: 'string' }, url_link: { type: 'string' } } },
        },
      },
    },
    async (request) => {
      const auth = await authorize(request.query.access_token, 'generate_urllink', URLLINK_OVER_QUOTA)
      if ('failure' in auth) return auth.failure
      const body = request.body
      const path = body.path ?? ''
      if (path !== '' && (!PAGE.test(path) || !PUBLISHED_PAGES.has(path))) return fail(INVALID_PATH, 'invalid path')
      const query = body.query ?? ''
      if (!QUERY.test(query)) return fail(INVALID_QUERY, 'invalid query')
      const envVersion = body.env_version ?? 'release'
      if (!ENV_VERSIONS.includes(envVersion)) return fail(ERRCODE.INVALID_ARGS, 'invalid args: env_version')
      const now = clock()
      let expiresAt: number
      if (body.expire_type === 1) {
        const days = body.expire_interval
        if (days === undefined || days < 1 || days > MAX_LINK_DAYS) return fail(INVALID_EXPIRE_INTERVAL, 'invalid expire_interval')
        expiresAt = now + days * DAY_MS
      } else {
        const seconds = body.expire_time
        if (seconds === undefined || seconds * 1000 <= now || seconds * 1000 > now + MAX_LINK_DAYS * DAY_MS) {
          return fail(INVALID_EXPIRE_TIME, 'invalid expire_time')
        }
        expiresAt = seconds * 1000
      }
      const urlLink = `https://wxaurl.cn/${randomBytes(9).toString('base64url')}`
      await db.query(
        `insert into wechat_emu_urllinks (url_link, appid, path, query, env_version, expires_at, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [urlLink, auth.appId, path, query, envVersion, new Date(expiresAt), new Date(now)],
      )
      return { errcode: ERRCODE.OK, errmsg: 'ok', url_link: urlLink }
    },
  )

  // Ours, not WeChat's: the codes the emulator drew, newest first, so a test or the demo reads the scene back.
  app.get(
    '/dev/wxacodes',
    {
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: {} },
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['scene', 'page', 'checkPath', 'envVersion', 'width', 'requestedAt'],
                  properties: {
                    scene: { type: 'string' },
                    page: { type: 'string' },
                    checkPath: { type: 'boolean' },
                    envVersion: { type: 'string' },
                    width: { type: 'integer' },
                    requestedAt: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
    async () => {
      const { rows } = await db.query<{ scene: string; page: string; check_path: boolean; env_version: string; width: number; requested_at: Date }>(
        `select scene, page, check_path, env_version, width, requested_at from wechat_emu_wxacodes
          order by id desc limit 50`,
      )
      return {
        items: rows.map((row) => ({
          scene: row.scene,
          page: row.page,
          checkPath: row.check_path,
          envVersion: row.env_version,
          width: row.width,
          requestedAt: new Date(row.requested_at).toISOString(),
        })),
      }
    },
  )
}
