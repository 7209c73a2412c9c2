/** What the WeChat emulator's subscribe-message dev routes answer (docs/wechat-emulator.md); H5 only. */
export interface SandboxSubscribeAnswer {
  errMsg: string
  results: Record<string, 'accept' | 'reject'>
}

export interface SandboxSubscribeSettings {
  itemSettings: Record<string, 'accept' | 'reject'>
}

export interface SandboxReceivedMessage {
  templateId: string
  page: string | null
  data: Record<string, { value: string }>
  receivedAt: string
}

export interface SandboxSubscribeMessages {
  messages: SandboxReceivedMessage[]
}
