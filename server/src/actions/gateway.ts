/**
 * The gateway clients the actions use: one per configured terminal (OCEANPAYMENT_TERMINALS; built once, by
 * outbound/gateway-clients.ts), on the app's routing transport, with the action timeout. Found by the
 * payment's terminal for an action on a payment, or all of the merchant's for a tool that is not about one payment.
 * A merchant whose terminals are not configured here has none: the action answers GATEWAY_UNAVAILABLE.
 * Refund and pre-authorization are non-retryable in the SDK (operations.ts), so a call is sent at most once; what
 * happens after a timeout is the reconciler's business.
 */
import type { ServerConfig } from '../config'
import type { GatewayClient, GatewayLogger } from '../gateway'
import { gatewayClients } from '../outbound/gateway-clients'
import type { Transport } from '../outbound/transport'

/** The client of this terminal, if it is the merchant's and configured. */
export type ClientFor = (merchant: string, terminal: string) => GatewayClient | undefined

export interface MerchantGateways {
  forTerminal: ClientFor
  /** Every configured terminal's client of the merchant, in configuration order. */
  forMerchant(merchant: string): GatewayClient[]
}

/** How long an action waits for Oceanpayment before it records the outcome as unknown. */
export const DEFAULT_ACTION_TIMEOUT_MS = 15_000

export function merchantGateways(
  config: Pick<ServerConfig, 'oceanpayment'>,
  transport: Transport,
  options: { timeoutMs?: number; logger?: GatewayLogger } = {},
): MerchantGateways {
  const clients = [...gatewayClients(config, transport, options.logger, options.timeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS).values()]
  return {
    forTerminal: (merchant, terminal) =>
      clients.find(({ credential }) => credential.account === merchant && credential.terminal === terminal)?.client,
    forMerchant: (merchant) => clients.filter(({ credential }) => credential.account === merchant).map(({ client }) => client),
  }
}

/** The money actions need only the payment's terminal. */
export function actionClients(
  config: Pick<ServerConfig, 'oceanpayment'>,
  transport: Transport,
  options: { timeoutMs?: number; logger?: GatewayLogger } = {},
): ClientFor {
  return merchantGateways(config, transport, options).forTerminal
}
