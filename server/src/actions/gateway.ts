/**
 * The gateway clients the actions use: one per configured terminal (OCEANPAYMENT_TERMINALS), on the app's routing
 * transport, with the action timeout. Refund and pre-authorization are non-retryable in the SDK (operations.ts),
 * so a call is sent at most once; what happens after a timeout is the reconciler's business.
 */
import type { ServerConfig } from '../config'
import { createGatewayClient, type GatewayClient, type GatewayLogger } from '../gateway'
import type { Transport } from '../outbound/transport'

export type ClientFor = (merchant: string, terminal: string) => GatewayClient | undefined

/** How long an action waits for Oceanpayment before it records the outcome as unknown. */
export const DEFAULT_ACTION_TIMEOUT_MS = 15_000

export function actionClients(
  config: Pick<ServerConfig, 'oceanpayment'>,
  transport: Transport,
  options: { timeoutMs?: number; logger?: GatewayLogger } = {},
): ClientFor {
  const clients = new Map<string, GatewayClient>()
  for (const credential of config.oceanpayment.terminals) {
    clients.set(
      `${credential.account}:${credential.terminal}`,
      createGatewayClient({
        baseUrls: config.oceanpayment.baseUrls,
        credentials: credential,
        transport,
        timeoutMs: options.timeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS,
        logger: options.logger,
      }),
    )
  }
  return (merchant, terminal) => clients.get(`${merchant}:${terminal}`)
}
