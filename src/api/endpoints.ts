/**
 * One typed function per assistant endpoint, over a client's `request`. Pages and features call these, never
 * `request` directly, so the wire contract (contract/) is checked at compile time on both sides.
 */
import type { HeartbeatResponse, LoginRequest, LoginResponse, SessionProfile } from '@contract/auth'
import type { ChartResponse, ChartsQuery, ChartType } from '@contract/charts'
import type { FundsResponse } from '@contract/funds'
import type { InvitationPreview } from '@contract/invitations'
import type { MarkReadResponse, MessageDetail, MessagesPage, MessagesQuery, ReadAllBody } from '@contract/messages'
import type { MeResponse } from '@contract/me'
import type { SettlementDetail, SettlementRowsPage, SettlementRowsQuery, SettlementsPage, SettlementsQuery } from '@contract/settlements'
import type { TodosResponse } from '@contract/todos'
import type { TransactionDetail, TransactionsPage, TransactionsQuery } from '@contract/transactions'
import type { ApiRequest, Query } from './transport'

const segment = (value: string) => encodeURIComponent(value)

/** A single-use WeChat code minted by the emulator (valid `expiresIn` seconds). */
export interface SandboxCode {
  code: string
  expiresIn?: number
}

export function apiEndpoints(request: ApiRequest) {
  return {
    // Auth
    login: (body: LoginRequest) => request<LoginResponse>({ method: 'POST', path: '/api/auth/login', body, signed: false }),
    heartbeat: () => request<HeartbeatResponse>({ method: 'POST', path: '/api/auth/heartbeat' }),
    logout: () => request<void>({ method: 'POST', path: '/api/auth/logout' }),
    fetchProfile: () => request<SessionProfile>({ method: 'GET', path: '/api/auth/profile' }),
    /** What the invitation the app was opened with says (no session yet: unsigned). */
    fetchInvitation: (scene: string) =>
      request<InvitationPreview>({ method: 'GET', path: '/api/auth/invitation', query: { scene }, signed: false }),

    // Home
    fetchTodos: () => request<TodosResponse>({ method: 'GET', path: '/api/todos' }),
    fetchFunds: () => request<FundsResponse>({ method: 'GET', path: '/api/funds' }),

    // Transactions
    fetchTransactions: (query: TransactionsQuery) =>
      request<TransactionsPage>({ method: 'GET', path: '/api/transactions', query: query as Query }),
    fetchTransaction: (paymentId: string) =>
      request<TransactionDetail>({ method: 'GET', path: `/api/transactions/${segment(paymentId)}` }),

    // Settlements
    fetchSettlements: (query: SettlementsQuery) =>
      request<SettlementsPage>({ method: 'GET', path: '/api/settlements', query: query as Query }),
    fetchSettlement: (batchNo: string) => request<SettlementDetail>({ method: 'GET', path: `/api/settlements/${segment(batchNo)}` }),
    fetchSettlementRows: (batchNo: string, query: SettlementRowsQuery) =>
      request<SettlementRowsPage>({ method: 'GET', path: `/api/settlements/${segment(batchNo)}/rows`, query: query as Query }),

    // Charts
    fetchChart: (type: ChartType, query: ChartsQuery) =>
      request<ChartResponse>({ method: 'GET', path: `/api/charts/${segment(type)}`, query: query as Query }),

    // Messages
    fetchMessages: (query: MessagesQuery) => request<MessagesPage>({ method: 'GET', path: '/api/messages', query: query as Query }),
    fetchMessage: (id: string) => request<MessageDetail>({ method: 'GET', path: `/api/messages/${segment(id)}` }),
    markMessageRead: (id: string) => request<MarkReadResponse>({ method: 'POST', path: `/api/messages/${segment(id)}/read` }),
    markAllMessagesRead: (body: ReadAllBody = {}) => request<MarkReadResponse>({ method: 'POST', path: '/api/messages/read-all', body }),

    // Me
    fetchMe: () => request<MeResponse>({ method: 'GET', path: '/api/me' }),

    // H5 only: the WeChat emulator's stand-ins for wx.login and the phone sheet (never called in weapp).
    // With this browser's device id (api/sandbox-device.ts) the emulator gives it the same openid at every login.
    sandboxLoginCode: (device?: string) =>
      request<SandboxCode>({ method: 'POST', path: '/sandbox/wechat/dev/login', body: device === undefined ? {} : { device }, signed: false }),
    sandboxPhoneCode: (phone: string) =>
      request<SandboxCode>({ method: 'POST', path: '/sandbox/wechat/dev/phone-code', body: { phone }, signed: false }),
  }
}

export type ApiEndpoints = ReturnType<typeof apiEndpoints>
