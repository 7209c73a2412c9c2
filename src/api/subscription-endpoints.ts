/** The subscribe-message settings routes (contract/subscriptions.ts), bound in features/subscriptions/api.ts. */
import type { ReportGrantsRequest, SetTopicRequest, SubscribeTopic, SubscriptionsResponse } from '@contract/subscriptions'
import type { SandboxSubscribeAnswer, SandboxSubscribeMessages, SandboxSubscribeSettings } from './sandbox-subscribe'
import type { ApiRequest } from './transport'

export function subscriptionEndpoints(request: ApiRequest) {
  return {
    fetchSubscriptions: () => request<SubscriptionsResponse>({ method: 'GET', path: '/api/me/subscriptions' }),
    reportGrants: (body: ReportGrantsRequest) =>
      request<SubscriptionsResponse>({ method: 'POST', path: '/api/me/subscriptions/grants', body }),
    setTopic: (topic: SubscribeTopic, body: SetTopicRequest) =>
      request<SubscriptionsResponse>({ method: 'PUT', path: `/api/me/subscriptions/${encodeURIComponent(topic)}`, body }),

    // H5 only: the WeChat emulator's stand-ins for wx.requestSubscribeMessage, wx.getSetting and the phone.
    sandboxSubscribe: (device: string, choices: Record<string, 'accept' | 'reject'>, keep: boolean) =>
      request<SandboxSubscribeAnswer>({ method: 'POST', path: '/sandbox/wechat/dev/subscribe', body: { device, choices, keep }, signed: false }),
    sandboxSubscribeSettings: (device: string) =>
      request<SandboxSubscribeSettings>({ method: 'GET', path: '/sandbox/wechat/dev/subscribe-settings', query: { device }, signed: false }),
    sandboxReceived: (device: string) =>
      request<SandboxSubscribeMessages>({ method: 'GET', path: '/sandbox/wechat/dev/subscribe-messages', query: { device }, signed: false }),
  }
}

export type SubscriptionEndpoints = ReturnType<typeof subscriptionEndpoints>
