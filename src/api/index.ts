/** The API client: the only way pages and features reach the server. */
export * from './endpoints'
export { ApiClientError, isApiClientError, type ApiErrorKind, type MerchantChoice } from './errors'
export {
  configureApiClient,
  onSessionExpired,
  type ApiClientConfig,
  type Credentials,
  type SessionLossCause,
} from './transport'
