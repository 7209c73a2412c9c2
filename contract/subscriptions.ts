/**
 * WeChat subscribe messages (订阅消息, issue 15): which notices a user may receive on the phone, the one-time grants
 * WeChat gave for them, and the wire shapes of `GET/POST/PUT /api/me/subscriptions…`.
 *
 * WeChat's one-time subscriptions allow exactly ONE message per "accept" (wx.requestSubscribeMessage). So the server
 * counts grants per user and template: each accept reported adds one, each message sent uses one, and nothing is
 * sent without one. A user who ticked "always keep this choice" (总是保持以上选择) shows up in wx.getSetting's
 * `subscriptionsSetting.itemSettings`: 'accept' there means WeChat answers later requests without asking (still one
 * grant per request); 'reject' means the app must not ask again for that template.
 */

/** What a user can be told on the phone, one WeChat template each (configured on the server). */
export const SUBSCRIBE_TOPICS = ['chargeback', 'fraud', 'retrieval', 'refund', 'deadline', 'summary'] as const

export type SubscribeTopic = (typeof SUBSCRIBE_TOPICS)[number]

/** What wx.requestSubscribeMessage answered for one template. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const

export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number]

/** wx.getSetting({ withSubscriptions: true }).subscriptionsSetting.itemSettings value: a choice kept for always. */
export const KEPT_CHOICES = ['accept', 'reject', 'ban'] as const

export type KeptChoice = (typeof KEPT_CHOICES)[number]

/** One topic as the Me page's 消息提醒 settings show it. */
export interface SubscriptionTopicState {
  topic: SubscribeTopic
  /** The template id the client passes to wx.requestSubscribeMessage (public: it is in the client anyway). */
  templateId: string
  /** Grants left: how many more messages of this topic WeChat will let the server send to this user. */
  remaining: number
  /** The user's own switch on Me: off means the server sends nothing of this topic even with grants left. */
  enabled: boolean
  /** The choice the user kept for always in WeChat's sheet, or null when WeChat asks each time. */
  keptChoice: KeptChoice | null
}

/** `GET /api/me/subscriptions`: only the topics whose template the server has configured. */
export interface SubscriptionsResponse {
  topics: SubscriptionTopicState[]
}

/**
 * `POST /api/me/subscriptions/grants`: what wx.requestSubscribeMessage answered (results, keyed by template id,
 * only templates of SubscriptionsResponse) and, when the client read it, wx.getSetting's itemSettings (kept
 * choices, keyed by template id). Answers the new SubscriptionsResponse.
 */
export interface ReportGrantsRequest {
  results: Record<string, SubscribeResult>
  keptChoices?: Record<string, KeptChoice>
}

/** `PUT /api/me/subscriptions/:topic`: the user's switch for one topic. Answers the new SubscriptionsResponse. */
export interface SetTopicRequest {
  enabled: boolean
}

/** WeChat's cap on the templates of one wx.requestSubscribeMessage call (one-time templates). */
export const MAX_TEMPLATES_PER_REQUEST = 3

/** Hours before an answer deadline at which a reminder goes out, once each. */
export const DEADLINE_REMINDER_HOURS = [72, 24, 4] as const

export type DeadlineReminderHours = (typeof DEADLINE_REMINDER_HOURS)[number]

/** The morning summary's hour, Beijing time. */
export const MORNING_SUMMARY_HOUR = 9

/**
 * The mini-program page a subscribe message opens (WeChat's `page`: no leading slash), with `?id=<message id>`:
 * the message's detail, which shows the case and links to its transaction. Must match ROUTES.messageDetail (a unit
 * test checks it); kept here because the server builds the link and never imports the client.
 */
export const SUBSCRIBE_MESSAGE_PAGE = 'pages/message-detail/index'
