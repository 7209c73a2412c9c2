import { describe, expect, it } from 'vitest'
import { isPackageLoadFailure } from '@/features/shell/package-load-failure'

describe('isPackageLoadFailure', () => {
  it('recognises webpack’s chunk failure (H5) and WeChat’s subpackage failure', () => {
    const chunk = Object.assign(new Error('Loading chunk 412 failed.\n(error: http://x/chunk/412.js)'), { name: 'ChunkLoadError' })
    expect(isPackageLoadFailure(chunk)).toBe(true)
    expect(isPackageLoadFailure(new Error('Loading CSS chunk 7 failed.'))).toBe(true)
    expect(isPackageLoadFailure({ errMsg: 'navigateTo:fail loadSubpackage: subpackages/charts fail' })).toBe(true)
  })

  it('leaves every other rejection alone', () => {
    expect(isPackageLoadFailure(new Error('NETWORK'))).toBe(false)
    expect(isPackageLoadFailure({ errMsg: 'navigateTo:fail page "x" is not found' })).toBe(false)
    expect(isPackageLoadFailure(undefined)).toBe(false)
  })
})
