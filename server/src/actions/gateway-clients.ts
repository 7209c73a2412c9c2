/**
 * Which gateway client speaks for a merchant: one per configured terminal (notifications/gap-fill.ts builds them),
 * found by the payment's terminal for an action on a payment, or all of the merchant's for a tool that is not about
 * one payment. A merchant whose terminals are not configured here has none: the action answers GATEWAY_UNAVAILABLE.
 */
import type { ServerConfig } from '../config'
import type { GatewayClient, GatewayLogger } from '../gateway'
import { gatewayClients } from '../notifications/gap-fill'
import type { Transport } from '../outbound/transport'

export interface MerchantGateways {
  /** The client of this terminal, if it is the merchant's and configured. */
  forTerminal(merchant: string, terminal: string): GatewayClient | undefined
  /** Every configured terminal's client of the merchant, in configuration order. */
  forMerchant(merchant: string): GatewayClient[]
}

export function merchantGateways(config: Pick<ServerConfig, 'oceanpayment'>, transport: Transport, logger?: GatewayLogger): MerchantGateways {
  const clients = [...gatewayClients(config, transport, logger).values()]
  return {
    forTerminal: (merchant, terminal) =>
      clients.find(({ credential }) => credential.account === merchant && credential.terminal === terminal)?.client,
    forMerchant: (merchant) => clients.filter(({ credential }) => credential.account === merchant).map(({ client }) => client),
  }
}
