/**
 * Proves the weapp build gate can fail: WeChat's compilers run over a small fixture mini-program, once valid
 * and once with a deliberately broken file, and the gate's other checks (pages, tabs, budgets) trip on cue.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkBuild, formatProblem } from './build-gate'
import { REPO_ROOT, listFiles } from './build-info'
import { compileMiniProgram } from './wx-compiler'

const FIXTURES = path.join(REPO_ROOT, 'tests', 'weapp', 'fixtures')
const made: string[] = []

/** A temp copy of fixtures/mini-app with the given overlay folders copied over it. */
function fixture(...overlays: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'weapp-gate-'))
  made.push(dir)
  cpSync(path.join(FIXTURES, 'mini-app'), dir, { recursive: true })
  for (const overlay of overlays) cpSync(path.join(FIXTURES, overlay), dir, { recursive: true })
  return dir
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('weapp build gate', () => {
  it('passes a valid mini-program, every page compiled to a render function', () => {
    const report = checkBuild(fixture())
    expect(report.problems).toEqual([])
    expect(report.compiled).toEqual({ wxml: 5, wxs: 0, wxss: 2 })
    expect(report.pages.map((page) => page.path)).toEqual([
      'pages/home/index',
      'pages/messages/index',
      'pages/me/index',
      'packages/extra/list/index',
    ])
    expect(report.packages.map((size) => [size.name, size.files])).toEqual([
      ['main', 13],
      ['packages/extra', 3],
    ])
  })

  it('reports an unclosed tag in a .wxml with its file and line (wcc)', () => {
    const dir = fixture('broken-wxml')
    const { issues } = compileMiniProgram(dir)
    expect(issues).toEqual([expect.objectContaining({ tool: 'wcc', file: 'pages/me/index.wxml', line: 2 })])
    const problems = checkBuild(dir).problems.map((problem) => formatProblem(problem, 'build'))
    expect(problems).toEqual([expect.stringMatching(/^build\/pages\/me\/index\.wxml:2:\d+: end tag missing/)])
  })

  it('reports a syntax error in a .wxss with its file and line (wcsc)', () => {
    const { issues } = compileMiniProgram(fixture('broken-wxss'))
    expect(issues).toEqual([expect.objectContaining({ tool: 'wcsc', file: 'pages/home/index.wxss', line: 4 })])
  })

  it('compiles a build that has no .wxss at all (wcsc itself would fail on an empty list)', () => {
    const dir = fixture()
    for (const file of listFiles(dir).filter((name) => name.endsWith('.wxss'))) rmSync(path.join(dir, file))
    const report = checkBuild(dir)
    expect(report.compiled.wxss).toBe(0)
    expect(report.problems).toEqual([])
  })

  it('reports a page without its .js and a tab bar that is not home, messages, me', () => {
    const dir = fixture()
    rmSync(path.join(dir, 'packages/extra/list/index.js'))
    const appJson = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as { tabBar: { list: unknown[] } }
    appJson.tabBar.list.reverse()
    writeFileSync(path.join(dir, 'app.json'), JSON.stringify(appJson))
    const problems = checkBuild(dir).problems.map((problem) => formatProblem(problem, 'build'))
    expect(problems).toEqual([
      expect.stringMatching(/^build\/app\.json: tabBar lists \[pages\/me\/index, pages\/messages\/index, pages\/home\/index\]/),
      'build/packages/extra/list/index.js: missing, but the page is listed in app.json',
    ])
  })

  it('reports packages over their size budget', () => {
    const report = checkBuild(fixture(), { limits: { main: 1000, subpackage: 100 } })
    expect(report.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^main is .* over its budget of 1000 B$/),
      expect.stringMatching(/^packages\/extra is .* over its budget of 100 B$/),
    ])
  })

  it('the gate script exits 1 and prints file:line when a file is broken, 0 when all is well', () => {
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
    const script = path.join(REPO_ROOT, 'tests', 'weapp', 'compile-build.ts')
    const broken = fixture('broken-wxml')
    const failed = spawnSync(tsx, [script, broken], { encoding: 'utf8' })
    expect(failed.status).toBe(1)
    expect(failed.stderr).toContain(`${broken}/pages/me/index.wxml:2:`)
    const passed = spawnSync(tsx, [script, fixture()], { encoding: 'utf8' })
    expect(passed.stderr).toBe('')
    expect(passed.status).toBe(0)
    expect(passed.stdout).toMatch(/main\s+13\s/)
  })

  it('the gate script tells to build first when there is no build', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'weapp-gate-'))
    made.push(empty)
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
    const result = spawnSync(tsx, [path.join(REPO_ROOT, 'tests', 'weapp', 'compile-build.ts'), empty], { encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('npm run build:weapp')
  })
})
