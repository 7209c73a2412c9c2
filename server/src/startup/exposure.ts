/**
 * What the start banner says about who can reach this server: the interface it listens on, and (outside
 * production) who the development stand-ins answer. One wording for the log line and `npm start`'s console.
 */
import type { ServerConfig } from '../config'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost'])

export function describeExposure(config: Pick<ServerConfig, 'host' | 'sandboxesMounted' | 'sandboxAccess'>): string {
  const listening = LOOPBACK_HOSTS.has(config.host)
    ? `listening on ${config.host} only (this machine; HOST=0.0.0.0 opens it to the network)`
    : `listening on ${config.host} (reachable from the network)`
  if (!config.sandboxesMounted) return listening
  const standIns =
    config.sandboxAccess === 'open'
      ? 'development stand-ins (/sandbox) answer anyone who reaches the port (SANDBOX_ACCESS=open)'
      : 'development stand-ins (/sandbox) answer this machine only (SANDBOX_ACCESS=open to change)'
  return `${listening}; ${standIns}`
}
