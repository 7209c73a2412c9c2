/**
 * Works off the push outbox: each notice message goes as a subscribe message to every enabled account of its
 * merchant that has a grant left for the topic's template and the topic switched on (docs/push.md).
 *
 * Once at most per (message, account), across processes: the send record is inserted, with its grant used, before
 * WeChat is called (repositories/push.ts `start`). What WeChat answers decides the rest:
 * - 0: sent.
 * - 43101 (the user has no grant, or refused): recorded; our count for that template goes to 0.
 * - 45009 (daily quota): nothing was sent; record and grant undone, the message stays queued, and no send is tried
 *   until 00:00 Beijing time (when WeChat's daily counts start again).
 * - -1 (system busy) or 45011 (per-minute quota): nothing was sent; undone, retried after RETRY_MS.
 * - any other errcode (40003, 40037, 41030, 47003, a token still rejected after one renewal…): recorded as failed,
 *   the grant given back (WeChat used none); not retried: it would fail the same way.
 * - no token to be had: it never left; undone, retried after RETRY_MS.
 * - timeout, HTTP 5xx, a broken answer, the connection lost: unknown — it may be on the phone already, so it is
 *   recorded as unknown and never sent again; the grant counts as used.
 * The in-app message is never touched: it was committed before anything here ran.
 */
import type { SubscribeTopic } from '@contract/subscriptions'
import { DAY_MS, startOfBeijingDay } from '@contract/beijing-time'
import { SUBSCRIBE_MESSAGE_PAGE } from '@contract/subscriptions'
import type { Db } from '../db'
import { pushRepository, type OutboxMessage } from '../repositories/push'
import { ERRCODE, type SubscribeSendResult, type WechatSubscribeApi } from '../wechat'
import { FORMATTERS, formatTemplateData } from './templates'

export interface PushLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

export interface PushSenderOptions {
  db: Db
  wechat: WechatSubscribeApi
  appId: string
  templates: Readonly<Partial<Record<SubscribeTopic, string>>>
  miniprogramState: 'formal' | 'developer'
  now: () => Date
  logger: PushLogger
  /** Messages taken per run. */
  batchSize?: number
}

export interface PushReport {
  sent: number
  failed: number
  unknown: number
  /** Sends undone to be tried later (busy, quota, no token). */
  deferred: number
  /** Messages finished (every recipient handled, or nothing to send). */
  done: number
  /** Messages whose template data broke WeChat's rules: not sent. */
  refused: number
  quotaStopped: boolean
}

/** A claimed message is held this long; a process that died with it gives it up after that. */
export const LEASE_MS = 5 * 60 * 1000
/** How long a send WeChat asked us to retry waits. */
export const RETRY_MS = 60 * 1000
const DEFAULT_BATCH = 50

/** The next 00:00 Beijing time after `now`: WeChat counts its daily quotas by the Beijing day. */
export function nextBeijingMidnight(now: Date): Date {
  return new Date(startOfBeijingDay(now) + DAY_MS)
}

type Step = 'sent' | 'failed' | 'unknown' | 'retry' | 'quota'

function stepOf(result: SubscribeSendResult): Step {
  if (result.outcome === 'unknown') return 'unknown'
  if (result.outcome === 'not-sent') return 'retry'
  switch (result.errcode) {
    case ERRCODE.OK:
      return 'sent'
    case ERRCODE.DAILY_QUOTA:
      return 'quota'
    case ERRCODE.SYSTEM_BUSY:
    case ERRCODE.RATE_LIMITED:
      return 'retry'
    default:
      return 'failed'
  }
}

export async function runPushSender(options: PushSenderOptions): Promise<PushReport> {
  const { db, wechat, appId, templates, logger } = options
  const repo = pushRepository(db)
  const report: PushReport = { sent: 0, failed: 0, unknown: 0, deferred: 0, done: 0, refused: 0, quotaStopped: false }
  const stoppedUntil = await repo.quotaStoppedUntil(appId)
  if (stoppedUntil !== undefined && stoppedUntil > options.now()) {
    report.quotaStopped = true
    return report
  }

  /** done: every recipient handled; later: some send is to be tried again; stop: the daily quota stopped sending. */
  const sendOne = async (message: OutboxMessage): Promise<'done' | 'later' | 'stop'> => {
    const formatter = FORMATTERS[message.kind]
    const templateId = formatter === undefined ? undefined : templates[formatter.topic]
    if (formatter === undefined || templateId === undefined) return 'done'
    const formatted = formatTemplateData(formatter.topic, formatter.values(message))
    if (!formatted.ok) {
      report.refused += 1
      logger.warn({ messageId: message.id, kind: message.kind, problem: formatted.problem }, 'subscribe message refused before sending')
      return 'done'
    }
    let outcome: 'done' | 'later' = 'done'
    for (const recipient of await repo.recipients(message.id, message.account, templateId)) {
      if (!(await repo.start(message.id, recipient.accountId, templateId, options.now()))) continue
      const result = await wechat.sendSubscribeMessage({
        touser: recipient.openid,
        template_id: templateId,
        page: `${SUBSCRIBE_MESSAGE_PAGE}?id=${message.id}`,
        data: formatted.data,
        miniprogram_state: options.miniprogramState,
        lang: 'zh_CN',
      })
      const step = stepOf(result)
      const details = { messageId: message.id, accountId: recipient.accountId, topic: formatter.topic, errcode: result.errcode }
      switch (step) {
        case 'sent':
          report.sent += 1
          await repo.finish(message.id, recipient.accountId, 'sent', result.errcode, options.now())
          break
        case 'unknown':
          report.unknown += 1
          logger.warn(details, 'subscribe message outcome unknown: not sent again')
          await repo.finish(message.id, recipient.accountId, 'unknown', result.errcode, options.now())
          break
        case 'failed':
          report.failed += 1
          logger.info(details, 'WeChat refused the subscribe message')
          await repo.finish(message.id, recipient.accountId, 'failed', result.errcode, options.now())
          if (result.errcode === ERRCODE.USER_REFUSED) await repo.clearGrant(recipient.accountId, templateId)
          else await repo.giveBack(recipient.accountId, templateId)
          break
        case 'retry':
          report.deferred += 1
          logger.info(details, 'subscribe message not sent now: tried again later')
          await repo.undo(message.id, recipient.accountId, templateId)
          outcome = 'later'
          break
        case 'quota':
          report.deferred += 1
          report.quotaStopped = true
          logger.warn(details, "WeChat's daily quota for subscribe messages is used up: sending stops until 00:00 Beijing time")
          await repo.undo(message.id, recipient.accountId, templateId)
          await repo.stopForQuota(appId, nextBeijingMidnight(options.now()))
          return 'stop'
      }
    }
    return outcome
  }

  report.done += await repo.finishUnreachable(options.now())
  // Batch after batch until the queue has nothing due (a flood is worked off in one run) or the quota stops it.
  for (;;) {
    const claimed = await repo.claim(options.now(), LEASE_MS, options.batchSize ?? DEFAULT_BATCH)
    for (const [index, message] of claimed.entries()) {
      const outcome = await sendOne(message)
      if (outcome === 'done') {
        report.done += 1
        await repo.done(message.id, options.now())
      } else if (outcome === 'later') {
        await repo.later(message.id, new Date(options.now().getTime() + RETRY_MS))
      } else {
        // This message and every other one claimed wait for the quota's new day.
        const until = nextBeijingMidnight(options.now())
        for (const waiting of claimed.slice(index)) await repo.later(waiting.id, until)
        return report
      }
    }
    if (claimed.length < (options.batchSize ?? DEFAULT_BATCH)) return report
  }
}
