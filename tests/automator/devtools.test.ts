/**
 * The real WeChat runtime through WeChat DevTools (miniprogram-automator). DevTools exists only on Windows and
 * macOS, so this suite runs only when WECHAT_DEVTOOLS_CLI points at its CLI; otherwise it is skipped and says why.
 * Run it on a developer's Mac: `npm run build:weapp && WECHAT_DEVTOOLS_CLI=/Applications/wechatwebdevtools.app/Contents/MacOS/cli npm run test:automator`.
 */
import fs from 'node:fs'
import path from 'node:path'
import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const cliPath = process.env.WECHAT_DEVTOOLS_CLI
const root = path.resolve(__dirname, '../..')
const shots = path.join(root, 'test-results/automator')

if (!cliPath) {
  console.warn(
    '[automator] SKIPPED: WECHAT_DEVTOOLS_CLI is not set. WeChat DevTools (Windows/macOS only) is needed to run the ' +
      'mini-program in the real WeChat runtime; the weapp build is instead checked by the official compiler and ' +
      'miniprogram-simulate (tests/weapp).',
  )
}

describe.skipIf(!cliPath)('weapp build in WeChat DevTools', () => {
  let miniProgram: MiniProgram

  beforeAll(async () => {
    miniProgram = await automator.launch({ cliPath, projectPath: root, trustProject: true })
    fs.mkdirSync(shots, { recursive: true })
  }, 120_000)

  afterAll(async () => {
    await miniProgram?.close()
  })

  const tabs = [
    ['/pages/home/index', '账户资金明细'],
    ['/pages/messages/index', '系统公告'],
    ['/pages/me/index', '4006-290-296'],
  ] as const

  it.each(tabs)('switches to %s and shows its content', async (url, text) => {
    const page = await miniProgram.switchTab(url)
    expect(page?.path).toBe(url.slice(1))
    await page?.waitFor(500)
    const body = await page?.$('page')
    expect(await body?.text()).toContain(text)
    await miniProgram.screenshot({ path: path.join(shots, `${url.split('/')[2]}.png`) })
  })
})
