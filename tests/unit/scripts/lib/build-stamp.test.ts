import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { distRoot, hashInputs, isBuildFresh, writeStamp } from '../../../../scripts/lib/build-stamp'

let root: string

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'stamp-'))
  fs.mkdirSync(path.join(root, 'src/pages'), { recursive: true })
  fs.writeFileSync(path.join(root, 'src/pages/a.tsx'), 'a')
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{}')
})

const finishBuild = (platform: 'weapp' | 'h5', output: string) => {
  // distRoot: `dist`, or the OP_DIST_DIR a parallel build uses.
  fs.mkdirSync(path.join(distRoot(root), platform), { recursive: true })
  fs.writeFileSync(path.join(distRoot(root), platform, output), 'x')
  writeStamp(root, platform)
}

describe('build staleness', () => {
  it('calls a build without output stale', () => {
    expect(isBuildFresh(root, 'weapp')).toBe(false)
  })

  it('calls a build fresh after it is stamped, and stale again once a source changes', () => {
    finishBuild('weapp', 'app.json')
    expect(isBuildFresh(root, 'weapp')).toBe(true)
    fs.writeFileSync(path.join(root, 'src/pages/a.tsx'), 'b')
    expect(isBuildFresh(root, 'weapp')).toBe(false)
  })

  it('notices an added file and a changed lock file', () => {
    finishBuild('h5', 'index.html')
    const before = hashInputs(root)
    fs.writeFileSync(path.join(root, 'src/pages/b.tsx'), 'new')
    const added = hashInputs(root)
    expect(added).not.toBe(before)
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{"v":2}')
    expect(hashInputs(root)).not.toBe(added)
  })

  it('notices a changed TARO_APP_* variable, which the bundle inlines, and ignores other variables', () => {
    const base = hashInputs(root, undefined, { TARO_APP_API_BASE: 'https://a.example', HOME: '/root' })
    expect(hashInputs(root, undefined, { TARO_APP_API_BASE: 'https://a.example', HOME: '/tmp' })).toBe(base)
    expect(hashInputs(root, undefined, { TARO_APP_API_BASE: 'https://b.example', HOME: '/root' })).not.toBe(base)
  })

  it('keeps one stamp per platform', () => {
    finishBuild('h5', 'index.html')
    expect(isBuildFresh(root, 'h5')).toBe(true)
    expect(isBuildFresh(root, 'weapp')).toBe(false)
  })
})
