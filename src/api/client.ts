/**
 * `createApiClient(options)`: one API client — its own transport, base URL, clock, credentials, clock offset,
 * nonce counter and session-loss listeners — with one typed function per endpoint. The app makes its one instance
 * in ./index.ts; tests make their own (a stub transport, the real server in process) and reset nothing by hand.
 */
import { apiEndpoints, type ApiEndpoints } from './endpoints'
import { createRequester, type ApiClientOptions, type Requester } from './transport'

export interface ApiClient extends ApiEndpoints {
  onSessionExpired: Requester['onSessionExpired']
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { request, onSessionExpired } = createRequester(options)
  return { ...apiEndpoints(request), onSessionExpired }
}
