/** The lint rule that keeps ARCHITECTURE.md's import boundaries must really reject a crossing. */
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) })
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message)
}

describe('import boundaries', () => {
  it('reject the main package importing a subpackage', async () => {
    const errors = await boundaryErrors('src/pages/home/probe.ts', "export { default } from '@/subpackages/charts/index/index'\n")
    expect(errors.join()).toContain('main package never imports a subpackage')
  })

  it('reject one subpackage importing another', async () => {
    const errors = await boundaryErrors('src/subpackages/charts/probe.ts', "export { default } from '../finance/funds/index'\n")
    expect(errors.join()).toContain('cannot import another subpackage')
  })

  it('reject the server importing mini-program code', async () => {
    const errors = await boundaryErrors('server/src/probe.ts', "export { ROUTES } from '../../src/routes'\n")
    expect(errors.join()).toContain('never imports mini-program code')
  })

  it('reject a lower layer importing a page', async () => {
    const errors = await boundaryErrors('src/components/probe.ts', "export { default } from '@/pages/home/index'\n")
    expect(errors.join()).toContain('Only the app shell composes pages')
  })

  it('allow a page to use a component', async () => {
    const errors = await boundaryErrors('src/pages/home/probe.ts', "export { EmptyState } from '@/components/empty-state'\n")
    expect(errors).toEqual([])
  })
})
