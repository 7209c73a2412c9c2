/** What asking WeChat for subscribe grants takes and gives, on a phone (ask-wechat.tsx) and in H5 (ask-wechat.h5.tsx). */
import type { ReactNode } from 'react'
import type { ReportGrantsRequest } from '@contract/subscriptions'

export interface AskRequest {
  templateIds: string[]
  /** What each template is about, for a sheet that needs to say it (H5). */
  labels: Record<string, string>
}

export interface WechatAsk {
  /** Undefined when the user closed WeChat's sheet or WeChat refused the call: nothing to report. */
  ask(request: AskRequest): Promise<ReportGrantsRequest | undefined>
  /** The sandbox sheet in H5; nothing on a phone (WeChat draws its own). */
  sheet: ReactNode
}
