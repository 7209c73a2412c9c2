/** Each server lint zone (eslint.config.mjs, docs/architecture.md) must really reject a crossing. */
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) })
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message)
}

describe('server import boundaries', () => {
  it('reject a production module importing a development stand-in', async () => {
    for (const [file, source] of [
      ['server/src/app.ts', "export { devStandIns } from './dev'\n"],
      ['server/src/services/probe.ts', "export { DEMO_USERS } from '../dev/demo/demo-users'\n"],
      ['server/src/config/probe.ts', "export { seedSandbox } from '../dev/oceanpayment-sandbox'\n"],
      ['scripts/admin.ts', "export { wechatEmulator } from '../server/src/dev/wechat-emulator'\n"],
    ]) {
      expect((await boundaryErrors(file, source)).join(), file).toContain('the production path never imports it')
    }
  })

  it('allow start-up to load the stand-ins', async () => {
    expect(await boundaryErrors('server/src/startup/probe.ts', "export { devStandIns } from '../dev'\n")).toEqual([])
  })

  it('reject a repository importing a service', async () => {
    const errors = await boundaryErrors('server/src/repositories/probe.ts', "export { getFunds } from '../services/funds'\n")
    expect(errors.join()).toContain('Repositories hold the SQL')
  })

  it('reject db/ importing a repository', async () => {
    const errors = await boundaryErrors('server/src/db/probe.ts', "export { merchantsRepository } from '../repositories/merchants'\n")
    expect(errors.join()).toContain('db/ is the bottom layer')
  })

  it('reject a service importing a route', async () => {
    const errors = await boundaryErrors('server/src/services/probe.ts', "export { authRoutes } from '../routes/auth'\n")
    expect(errors.join()).toContain('Services are use-cases')
  })

  it('reject a route importing a repository', async () => {
    const errors = await boundaryErrors('server/src/routes/funds/probe.ts', "export { merchantsRepository } from '../../repositories/merchants'\n")
    expect(errors.join()).toContain('never repositories')
  })

  it('reject a lower layer importing a route', async () => {
    const errors = await boundaryErrors('server/src/notifications/probe.ts', "export { WEBHOOK_PATH } from '../routes/webhooks/oceanpayment'\n")
    expect(errors.join()).toContain('never import a route')
  })

  it('reject the contract importing server code, also through its alias', async () => {
    const errors = await boundaryErrors('contract/probe.ts', "export { AppError } from '../server/src/errors'\n")
    expect(errors.join()).toContain('contract/ is the shared wire contract and imports nothing of ours')
    const gateway = await boundaryErrors('server/src/gateway/probe.ts', "export { CURRENCY_CODES } from '@contract/money'\n")
    expect(gateway.join()).toContain('gateway SDK imports nothing else')
  })

  it('reject the gateway SDK importing the rest of the server', async () => {
    const errors = await boundaryErrors('server/src/gateway/probe.ts', "export { AppError } from '../errors'\n")
    expect(errors.join()).toContain('gateway SDK imports nothing else')
  })
})
