/**
 * One typed function per assistant endpoint. Pages and features call these, never `apiRequest` directly, so the
 * wire contract (types/) is checked at compile time on both sides.
 */
import type { HeartbeatResponse, LoginRequest, LoginResponse, SessionProfile } from '../../types/auth'
import type { ChartResponse, ChartsQuery, ChartType } from '../../types/charts'
import type { FundsResponse } from '../../types/funds'
import type { MarkReadResponse, MessageDetail, MessagesPage, MessagesQuery, ReadAllBody } from '../../types/messages'
import type { MeResponse } from '../../types/me'
import type { SettlementDetail, SettlementsPage, SettlementsQuery } from '../../types/settlements'
import type { TodosResponse } from '../../types/todos'
import type { TransactionDetail, TransactionsPage, TransactionsQuery } from '../../types/transactions'
import { apiRequest, type Query } from './transport'

const segment = (value: string) => encodeURIComponent(value)

/** A single-use WeChat code minted by the emulator (valid `expiresIn` seconds). */
export interface SandboxCode {
  code: string
  expiresIn?: number
}

// Auth
export const login = (body: LoginRequest) =>
  apiRequest<LoginResponse>({ method: 'POST', path: '/api/auth/login', body, signed: false })
export const heartbeat = () => apiRequest<HeartbeatResponse>({ method: 'POST', path: '/api/auth/heartbeat' })
export const logout = () => apiRequest<void>({ method: 'POST', path: '/api/auth/logout' })
export const fetchProfile = () => apiRequest<SessionProfile>({ method: 'GET', path: '/api/auth/profile' })

// Home
export const fetchTodos = () => apiRequest<TodosResponse>({ method: 'GET', path: '/api/todos' })
export const fetchFunds = () => apiRequest<FundsResponse>({ method: 'GET', path: '/api/funds' })

// Transactions
export const fetchTransactions = (query: TransactionsQuery) =>
  apiRequest<TransactionsPage>({ method: 'GET', path: '/api/transactions', query: query as Query })
export const fetchTransaction = (paymentId: string) =>
  apiRequest<TransactionDetail>({ method: 'GET', path: `/api/transactions/${segment(paymentId)}` })

// Settlements
export const fetchSettlements = (query: SettlementsQuery) =>
  apiRequest<SettlementsPage>({ method: 'GET', path: '/api/settlements', query: query as Query })
export const fetchSettlement = (batchNo: string) =>
  apiRequest<SettlementDetail>({ method: 'GET', path: `/api/settlements/${segment(batchNo)}` })

// Charts
export const fetchChart = (type: ChartType, query: ChartsQuery) =>
  apiRequest<ChartResponse>({ method: 'GET', path: `/api/charts/${segment(type)}`, query: query as Query })

// Messages
export const fetchMessages = (query: MessagesQuery) =>
  apiRequest<MessagesPage>({ method: 'GET', path: '/api/messages', query: query as Query })
export const fetchMessage = (id: string) => apiRequest<MessageDetail>({ method: 'GET', path: `/api/messages/${segment(id)}` })
export const markMessageRead = (id: string) =>
  apiRequest<MarkReadResponse>({ method: 'POST', path: `/api/messages/${segment(id)}/read` })
export const markAllMessagesRead = (body: ReadAllBody = {}) =>
  apiRequest<MarkReadResponse>({ method: 'POST', path: '/api/messages/read-all', body })

// Me
export const fetchMe = () => apiRequest<MeResponse>({ method: 'GET', path: '/api/me' })

// H5 only: the WeChat emulator's stand-ins for wx.login and the phone sheet (never called in weapp).
export const sandboxLoginCode = () =>
  apiRequest<SandboxCode>({ method: 'POST', path: '/sandbox/wechat/dev/login', body: {}, signed: false })
export const sandboxPhoneCode = (phone: string) =>
  apiRequest<SandboxCode>({ method: 'POST', path: '/sandbox/wechat/dev/phone-code', body: { phone }, signed: false })
