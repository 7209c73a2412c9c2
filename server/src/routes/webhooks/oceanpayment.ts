/**
 * POST /webhooks/oceanpayment — Oceanpayment's business-order notifications. Outside /api: the caller is
 * Oceanpayment, authenticated by the notice's signValue (checked with its terminal's secureCode), not a session.
 * Oceanpayment wants the plain text `receive-ok` once a notice is stored and retries otherwise (up to 5 times), so
 * a notice that can never be stored — bad signature, unknown terminal, not XML — is logged and answered
 * `receive-ok` too: retrying it cannot help. Only a failure to store answers otherwise, so it comes again: 503 with
 * Retry-After when the store cannot take it in time (a locked or busy notifications table, or the webhook's share of
 * connections full: server/src/db/notice-writes.ts), 500 for anything else.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ServerConfig } from '../../config'
import { noticeWriteShare, type Db } from '../../db'
import { parseXml, verifyNotification, type XmlValue } from '../../gateway'
import { recordNotice, type RefundLookup } from '../../notifications/apply'
import { noticeFromFields, type Fields } from '../../notifications/notice'

export interface WebhookRoutesOptions {
  db: Db
  config: Pick<ServerConfig, 'oceanpayment'>
  refundLookup?: RefundLookup
}

export const WEBHOOK_PATH = '/webhooks/oceanpayment'
export const RECEIVE_OK = 'receive-ok'
/** A notice is a few hundred bytes; this leaves room for long details without inviting large uploads. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024

const XML_TYPES = ['text/xml', 'application/xml']

/** The root element's text children, which is where a notice's fields are. Undefined when there are none. */
function scalarFields(value: XmlValue): Record<string, string> | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return undefined
  const fields: Record<string, string> = {}
  for (const [name, child] of Object.entries(value)) {
    // A repeated field is ambiguous: take none of it rather than guess which one was signed.
    if (typeof child === 'string') fields[name] = child
  }
  return Object.keys(fields).length > 0 ? fields : undefined
}

type Extracted = { ok: true; fields: Fields } | { ok: false; reason: string }

function extractFields(request: FastifyRequest): Extracted {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (!XML_TYPES.includes(type)) return { ok: false, reason: `content type "${type.slice(0, 60)}" is not XML` }
  if (typeof request.body !== 'string' || request.body.trim() === '') return { ok: false, reason: 'empty body' }
  try {
    const document = parseXml(request.body)
    const fields = scalarFields(document.value)
    return fields === undefined ? { ok: false, reason: 'no fields in the XML document' } : { ok: true, fields }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.slice(0, 200) : 'unparseable XML' }
  }
}

export async function oceanpaymentWebhookRoutes(app: FastifyInstance, options: WebhookRoutesOptions): Promise<void> {
  const { db, config } = options

  // Scoped to this plugin: every body here is read as text, whatever it claims to be, so that a wrong or missing
  // content type is dropped with receive-ok like any other unusable notice instead of a 415 that would be retried.
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => {
    done(null, body)
  })

  app.post(
    WEBHOOK_PATH,
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: {} },
        response: { 200: { type: 'string' } },
      },
    },
    async (request, reply) => {
      void reply.type('text/plain; charset=utf-8')
      const extracted = extractFields(request)
      if (!extracted.ok) {
        request.log.warn({ reason: extracted.reason }, 'oceanpayment notification dropped: unreadable')
        return RECEIVE_OK
      }
      const { fields } = extracted
      const who = { account: fields.account?.slice(0, 20), terminal: fields.terminal?.slice(0, 20) }
      const credential = config.oceanpayment.terminals.find(
        (terminal) => terminal.account === fields.account && terminal.terminal === fields.terminal,
      )
      if (credential === undefined) {
        request.log.warn(who, 'oceanpayment notification dropped: unknown account or terminal')
        return RECEIVE_OK
      }
      if (!verifyNotification(fields, credential.secureCode)) {
        request.log.warn(
          { ...who, pushId: fields.push_id?.slice(0, 100), noticeType: fields.notice_type?.slice(0, 50) },
          'oceanpayment notification dropped: signature does not match',
        )
        return RECEIVE_OK
      }
      const parsed = noticeFromFields(fields, request.log)
      if (!parsed.ok) {
        request.log.warn({ ...who, reason: parsed.reason }, 'oceanpayment notification dropped: invalid fields')
        return RECEIVE_OK
      }
      // Through the webhook's bounded share of connections, so a burst of deliveries never starves reads.
      await noticeWriteShare(db).run(() =>
        recordNotice(db, parsed.notice, 'notification', { refundLookup: options.refundLookup, logger: request.log }),
      )
      return RECEIVE_OK
    },
  )
}
