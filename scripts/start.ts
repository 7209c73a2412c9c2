/**
 * `npm start`: builds the weapp and H5 bundles when missing or stale, prepares the store under DATA_DIR,
 * starts the server on PORT and prints where everything is.
 */
import path from 'node:path'
import { loadConfig } from '../server/src/config'
import { startServer } from '../server/src/startup/start-server'
import { describeExposure } from '../server/src/startup/exposure'
import { DEMO_USERS } from '../server/src/dev'
import { resolveAdminToken } from '../server/src/auth/admin-token'
import { ensureBuilds } from './lib/ensure-builds'

async function main() {
  const root = path.resolve(__dirname, '..')
  // Fail on bad configuration before spending a minute on builds.
  const config = loadConfig(process.env)
  if (process.env.SKIP_BUILD !== '1') ensureBuilds(root)
  const server = await startServer(config)
  const base = server.url.replace('0.0.0.0', '127.0.0.1')
  const admin = await resolveAdminToken(config)
  const lines = [
    '',
    'Oceanpayment 商户助手 is running.',
    `  H5 app (open in a browser):        ${base}/`,
    `  API health:                        ${base}/api/health`,
    // The issue asks for a generated token to be printed here, on the developer's console; it never enters the log.
    `  Admin page (accounts):             ${base}/admin`,
    `  Admin bearer token:                ${admin.file === undefined ? '(ADMIN_TOKEN)' : `${admin.token}  (kept in ${admin.file})`}`,
    ...(config.sandboxesMounted
      ? [`  Demo logins (H5 phone sheet):      ${DEMO_USERS.filter((u) => u.enabled).map((u) => `${u.phone} (${u.merchant})`).join(', ')}`]
      : []),
    `  WeChat DevTools — import folder:   ${root} (project.config.json points at dist/weapp)`,
    `  Who can reach it:                  ${describeExposure(config)}`,
    `  Store:                             ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`,
    '',
  ]
  console.log(lines.join('\n'))
  const stop = async () => {
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
