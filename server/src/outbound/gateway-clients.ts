/**
 * One Oceanpayment client per configured terminal (OCEANPAYMENT_TERMINALS), on a given transport: what the gap fill,
 * the refund lookup of notices and the actions from the phone all call Oceanpayment with.
 */
import type { ServerConfig, TerminalCredential } from '../config'
import { createGatewayClient, type GatewayClient, type GatewayLogger } from '../gateway'
import type { Transport } from './transport'

/** Clients for the configured terminals, one each, built on the given transport. */
export function gatewayClients(
  config: Pick<ServerConfig, 'oceanpayment'>,
  transport: Transport,
  logger?: GatewayLogger,
  /** How long a call waits for Oceanpayment; the SDK's default when undefined (the actions set their own). */
  timeoutMs?: number,
): Map<string, { credential: TerminalCredential; client: GatewayClient }> {
  const clients = new Map<string, { credential: TerminalCredential; client: GatewayClient }>()
  for (const credential of config.oceanpayment.terminals) {
    const client = createGatewayClient({ baseUrls: config.oceanpayment.baseUrls, credentials: credential, transport, logger, timeoutMs })
    clients.set(`${credential.account}:${credential.terminal}`, { credential, client })
  }
  return clients
}
