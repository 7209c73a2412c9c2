/**
 * Shared pieces of the subscribe-message tests: the emulator alone with the test templates, a merchant whose
 * accounts have logged in (an openid each, from a browser "device" the emulator knows), grants on both sides (the
 * server's count, and the emulator's own, given by its wx.requestSubscribeMessage sheet), notice messages, and the
 * sender run against the emulator.
 */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../../server/src/db'
import { identityFor } from '../../../server/src/dev/wechat-emulator/identity'
import { runPushSender, type PushReport } from '../../../server/src/push'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { notificationsRepository, type StoredReminder, type StoredSummary } from '../../../server/src/repositories/notifications'
import { subscriptionsRepository } from '../../../server/src/repositories/subscriptions'
import type { WechatSubscribeApi } from '../../../server/src/wechat'
import type { MessageKind } from '../../../contract/messages'
import { APP_ID } from '../wechat/support'

export const TEMPLATES = {
  chargeback: 'TestChargeback-000000000000000000000000000',
  fraud: 'TestFraud-0000000000000000000000000000000000',
  retrieval: 'TestRetrieval-00000000000000000000000000000',
  refund: 'TestRefund-000000000000000000000000000000000',
  deadline: 'TestDeadline-0000000000000000000000000000000',
  summary: 'TestSummary-00000000000000000000000000000000',
} as const

export const MERCHANT = '150520'

export interface TestUser {
  accountId: string
  device: string
  openid: string
}

let phoneCounter = 0

/** An enabled account of MERCHANT that has logged in from `device` (its openid stored, as login does). */
export async function user(db: Db, device: string): Promise<TestUser> {
  await merchantsRepository(db).upsert({ account: MERCHANT, name: 'Push Test Ltd' })
  phoneCounter += 1
  const created = await accountsRepository(db).create(MERCHANT, {
    phone: `1390000${String(1000 + phoneCounter).slice(-4)}`,
    username: `user ${device}`,
    position: '',
    enabled: true,
    permissions: [],
  })
  if (created.kind !== 'created') throw new Error(`account not created: ${created.kind}`)
  const openid = identityFor(APP_ID, device).openid
  await accountsRepository(db).setOpenid(created.account.id, openid)
  return { accountId: created.account.id, device, openid }
}

/** The user accepted `template` `times` times in WeChat's sheet: the emulator's grants and the server's count. */
export async function grant(app: FastifyInstance, db: Db, who: TestUser, template: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    await emulatorSheet(app, who, { [template]: 'accept' })
    await subscriptionsRepository(db).report(who.accountId, { templateId: template, accepted: true, keptChoice: undefined }, new Date())
  }
}

export async function emulatorSheet(
  app: FastifyInstance,
  who: TestUser,
  choices: Record<string, 'accept' | 'reject'>,
  keep = false,
): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/sandbox/wechat/dev/subscribe',
    payload: { device: who.device, choices, keep },
  })
  if (response.statusCode !== 200) throw new Error(`dev/subscribe: ${response.statusCode} ${response.body}`)
  return (response.json() as { results: Record<string, string> }).results
}

export interface Received {
  templateId: string
  page: string | null
  data: Record<string, { value: string }>
}

/** What the emulator's "phone" of `who` (everyone's, without) received, newest first. */
export async function received(app: FastifyInstance, who?: TestUser): Promise<Received[]> {
  const query = who === undefined ? '' : `?device=${who.device}`
  const response = await app.inject({ method: 'GET', url: `/sandbox/wechat/dev/subscribe-messages${query}` })
  if (response.statusCode !== 200) throw new Error(`dev/subscribe-messages: ${response.statusCode} ${response.body}`)
  return (response.json() as { messages: Received[] }).messages
}

let noticeCounter = 0

export interface NoticeFields {
  kind?: MessageKind
  orderNumber?: string
  reason?: string
  deadlineAt?: Date
  refundOutcome?: 'succeeded' | 'failed'
  /** With kind 'reminder': which reminder, as the scheduler makes it. */
  reminder?: StoredReminder
}

/** A notice message for MERCHANT as the webhook or the gap fill adds it; its id. */
export async function notice(db: Db, fields: NoticeFields = {}): Promise<string> {
  noticeCounter += 1
  const sourceKey = `test:${process.pid}:${noticeCounter}:${Math.random()}`
  await notificationsRepository(db).addMessage({
    account: MERCHANT,
    kind: fields.kind ?? 'chargeback',
    facts: {
      paymentId: `2100${String(noticeCounter).padStart(8, '0')}`,
      orderNumber: fields.orderNumber ?? `ORD-${noticeCounter}`,
      amount: { currency: 'SEK', minor: BigInt(111122) },
      reasonCode: '4837',
      reason: fields.reason ?? 'No authorization',
      deadlineAt: fields.deadlineAt,
    },
    createdAt: new Date(Date.UTC(2026, 11, 3, 2, 30)),
    sourceKey,
    refundOutcome: fields.refundOutcome,
    reminder: fields.reminder,
  })
  return messageId(db, sourceKey)
}

async function messageId(db: Db, sourceKey: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('select id::text as id from messages where source_key = $1', [sourceKey])
  return rows[0].id
}

/** A morning summary message for MERCHANT as the scheduler adds it (no facts of a payment); its id. */
export async function morningSummary(db: Db, summary: StoredSummary): Promise<string> {
  noticeCounter += 1
  const sourceKey = `test-summary:${process.pid}:${noticeCounter}:${Math.random()}`
  await notificationsRepository(db).addMessage({
    account: MERCHANT,
    kind: 'summary',
    facts: undefined,
    createdAt: new Date(Date.UTC(2026, 11, 3, 1, 0)),
    sourceKey,
    summary,
  })
  return messageId(db, sourceKey)
}

export async function remaining(db: Db, who: TestUser, template: string): Promise<number> {
  const grants = await subscriptionsRepository(db).grantsOf(who.accountId)
  return grants.find((row) => row.templateId === template)?.remaining ?? 0
}

export function send(db: Db, wechat: WechatSubscribeApi, now: () => Date = () => new Date()): Promise<PushReport> {
  return runPushSender({
    db,
    wechat,
    appId: APP_ID,
    templates: TEMPLATES,
    miniprogramState: 'developer',
    now,
    logger: { info: () => undefined, warn: () => undefined },
  })
}
