/**
 * `createApiClient(options)`: one API client — its own transport, base URL, clock, credentials, clock offset,
 * nonce counter and session-loss listeners — with one typed function per endpoint. The app makes its one instance
 * in ./index.ts; tests make their own (a stub transport, the real server in process) and reset nothing by hand.
 */
import { apiEndpoints, type ApiEndpoints } from './endpoints'
import { createRequester, type ApiClientOptions, type ApiRequest, type Requester } from './transport'

export interface ApiClient extends ApiEndpoints {
  onSessionExpired: Requester['onSessionExpired']
  /**
   * The signed request itself, only for endpoint tables that live outside the main package (./action-endpoints.ts,
   * ./tool-endpoints.ts, bound in the subpackage that uses them); pages still call typed functions, never this.
   */
  request: ApiRequest
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { request, onSessionExpired } = createRequester(options)
  return { ...apiEndpoints(request), onSessionExpired, request }
}
