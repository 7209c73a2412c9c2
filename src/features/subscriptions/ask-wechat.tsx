/**
 * Asks WeChat for one-time grants (wx.requestSubscribeMessage, which must run in a tap) and reads the choices kept
 * for always (wx.getSetting withSubscriptions): what the server is then told (POST /api/me/subscriptions/grants).
 * The H5 build uses ask-wechat.h5.tsx instead (Taro picks it by the same file name and extension), which asks the
 * emulator through a sandbox sheet.
 */
import Taro from '@tarojs/taro'
import { KEPT_CHOICES, SUBSCRIBE_RESULTS, type KeptChoice, type SubscribeResult } from '@contract/subscriptions'
import type { WechatAsk } from './ask-types'

const isResult = (value: unknown): value is SubscribeResult => (SUBSCRIBE_RESULTS as readonly unknown[]).includes(value)
const isKept = (value: unknown): value is KeptChoice => (KEPT_CHOICES as readonly unknown[]).includes(value)

/** Kept choices of the templates asked about, from wx.getSetting; undefined when it could not be read. */
async function keptChoices(templateIds: readonly string[]): Promise<Record<string, KeptChoice> | undefined> {
  try {
    const setting = await Taro.getSetting({ withSubscriptions: true })
    const items = (setting.subscriptionsSetting as { itemSettings?: Record<string, unknown> } | undefined)?.itemSettings ?? {}
    return Object.fromEntries(templateIds.flatMap((id) => (isKept(items[id]) ? [[id, items[id]]] : [])))
  } catch {
    return undefined
  }
}

export function useWechatAsk(): WechatAsk {
  return {
    sheet: null,
    async ask({ templateIds }) {
      let answer: Record<string, unknown>
      try {
        answer = (await Taro.requestSubscribeMessage({ tmplIds: templateIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<
          string,
          unknown
        >
      } catch {
        return undefined
      }
      const results = Object.fromEntries(templateIds.flatMap((id) => (isResult(answer[id]) ? [[id, answer[id]]] : [])))
      if (Object.keys(results).length === 0) return undefined
      const kept = await keptChoices(templateIds)
      return kept === undefined ? { results } : { results, keptChoices: kept }
    },
  }
}
