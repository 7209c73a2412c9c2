/**
 * The app's API client, the only way pages and features reach the server: the one instance of createApiClient,
 * over Taro.request, signing with the session store's credentials. Features import its functions by name.
 */
import Taro from '@tarojs/taro'
import { useSession } from '@/stores/session'
import { createApiClient } from './client'

export const api = createApiClient({
  transport: (request) => Taro.request<unknown>(request),
  baseUrl: process.env.TARO_APP_API_BASE ?? '',
  credentials: () => {
    const { token, signingKey } = useSession.getState()
    return token !== null && signingKey !== null ? { token, signingKey } : null
  },
})

export const {
  login,
  heartbeat,
  logout,
  fetchProfile,
  fetchInvitation,
  fetchTodos,
  fetchFunds,
  fetchTransactions,
  fetchTransaction,
  fetchSettlements,
  fetchSettlement,
  fetchSettlementRows,
  fetchChart,
  fetchMessages,
  fetchMessage,
  markMessageRead,
  markAllMessagesRead,
  fetchMe,
  sandboxLoginCode,
  sandboxPhoneCode,
  onSessionExpired,
} = api

export { createApiClient, type ApiClient } from './client'
export type { SandboxCode } from './endpoints'
export { ApiClientError, isApiClientError, type ApiErrorKind, type MerchantChoice } from './errors'
export type { ApiClientOptions, Credentials, SessionLossCause, Transport } from './transport'
