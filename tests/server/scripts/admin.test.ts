import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { MiniProgramAccount } from '@contract/admin'
import { openPglite } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { merchantsRepository } from '../../../server/src/repositories/merchants'

const repoRoot = join(__dirname, '..', '..', '..')

interface Result {
  code: number
  stdout: string
  stderr: string
}

function admin(dataDir: string, ...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['scripts/admin.ts', ...args],
      { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr })
      },
    )
  })
}

// The CLI works on the configured store; spawned here on a fresh PGlite directory (one process at a time).
describe('npm run admin (scripts/admin.ts)', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'op-admin-cli-')), 'data')

  beforeAll(async () => {
    const db = await openPglite({ dataDir: join(dataDir, 'pglite') })
    await migrate(db)
    await merchantsRepository(db).upsert({ account: '140105', name: '海洋示范贸易有限公司' })
    await db.close()
  }, 120_000)

  it('prints usage with exit code 2 for no or an unknown command, and 0 for --help', async () => {
    const none = await admin(dataDir)
    expect(none.code).toBe(2)
    expect(none.stdout).toContain('Usage: npm run admin')
    const unknown = await admin(dataDir, 'frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
    expect((await admin(dataDir, '--help')).code).toBe(0)
  }, 60_000)

  it('creates, lists, disables, edits and deletes accounts, refusing bad input with exit code 1', async () => {
    const created = await admin(
      dataDir, 'create', '140105', '--phone', '13800138000', '--username', '王小明', '--position', '财务',
      '--permissions', 'refund,capture', '--json',
    )
    expect(created.stderr).not.toContain('Error')
    expect(created.code).toBe(0)
    const account = JSON.parse(created.stdout) as MiniProgramAccount
    expect(account).toMatchObject({ phone: '13800138000', username: '王小明', enabled: true, permissions: ['capture', 'refund'] })

    const bad = await admin(dataDir, 'create', '140105', '--phone', '123', '--username', 'x')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('VALIDATION_FAILED: phone')
    const dup = await admin(dataDir, 'create', '140105', '--phone', '13800138000', '--username', 'y', '--permissions', 'root')
    expect(dup.code).toBe(1)
    expect(dup.stderr).toContain('unknown permission "root"')
    const unknownMerchant = await admin(dataDir, 'list', '999999')
    expect(unknownMerchant.code).toBe(1)
    expect(unknownMerchant.stderr).toContain('NOT_FOUND')

    const disabled = await admin(dataDir, 'disable', '140105', account.id)
    expect(disabled.code).toBe(0)
    const edited = await admin(dataDir, 'edit', '140105', account.id, '--position', '经理', '--permissions', 'none', '--json')
    expect(JSON.parse(edited.stdout)).toMatchObject({ position: '经理', permissions: [], enabled: false })

    const list = await admin(dataDir, 'list', '140105')
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(new RegExp(`${account.id}\\s+13800138000\\s+王小明\\s+经理\\s+disabled`))

    expect((await admin(dataDir, 'delete', '140105', account.id)).code).toBe(0)
    const again = await admin(dataDir, 'delete', '140105', account.id)
    expect(again.code).toBe(1)
    expect((await admin(dataDir, 'list', '140105')).stdout).toContain('No accounts.')
    expect((await admin(dataDir, 'edit', '140105')).code).toBe(2)
  }, 120_000)
})
