/**
 * H5: wx.requestSubscribeMessage against the WeChat emulator (as the login's phone sheet stands in for WeChat's
 * phone dialog). A template whose choice the user kept for always is answered without the sheet, as WeChat does;
 * otherwise a sandbox sheet asks allow/reject per template and offers "always keep this choice". The emulator keeps
 * its own grants from these answers, and wx.getSetting's itemSettings come from it too.
 */
import { useRef, useState } from 'react'
import type { KeptChoice, ReportGrantsRequest } from '@contract/subscriptions'
import { sandboxDevice } from '@/api/sandbox-device'
import { subscriptionsApi } from './api'
import type { AskRequest, WechatAsk } from './ask-types'
import { SandboxSubscribeSheet } from './sandbox-subscribe-sheet'

export type { AskRequest, WechatAsk } from './ask-types'

async function answer(device: string, choices: Record<string, 'accept' | 'reject'>, keep: boolean): Promise<ReportGrantsRequest> {
  const { results } = await subscriptionsApi.sandboxSubscribe(device, choices, keep)
  const { itemSettings } = await subscriptionsApi.sandboxSubscribeSettings(device)
  const keptChoices: Record<string, KeptChoice> = {}
  for (const id of Object.keys(choices)) if (itemSettings[id] !== undefined) keptChoices[id] = itemSettings[id]
  return { results, keptChoices }
}

export function useWechatAsk(): WechatAsk {
  const [open, setOpen] = useState<AskRequest | undefined>(undefined)
  const settle = useRef<((value: ReportGrantsRequest | undefined) => void) | undefined>(undefined)
  const device = sandboxDevice()

  const finish = (value: ReportGrantsRequest | undefined) => {
    setOpen(undefined)
    settle.current?.(value)
    settle.current = undefined
  }

  return {
    async ask(request) {
      const { itemSettings } = await subscriptionsApi.sandboxSubscribeSettings(device)
      if (request.templateIds.every((id) => itemSettings[id] !== undefined)) {
        return answer(device, Object.fromEntries(request.templateIds.map((id) => [id, itemSettings[id]])), false)
      }
      return new Promise((resolve) => {
        settle.current = resolve
        setOpen(request)
      })
    },
    sheet:
      open === undefined ? null : (
        <SandboxSubscribeSheet
          request={open}
          onConfirm={(choices, keep) => {
            answer(device, choices, keep).then(finish, () => finish(undefined))
          }}
          onCancel={() => finish(undefined)}
        />
      ),
  }
}
