/**
 * The mini-program's custom ECharts build (src/subpackages/charts/components/ec-canvas/echarts.js) is committed;
 * this fails when it no longer matches what scripts/build-echarts.ts makes of its inputs (the parts list in
 * src/features/charts/echarts-setup.ts, the installed ECharts and esbuild). Fix: `npx tsx scripts/build-echarts.ts`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bundleEcharts, ECHARTS_OUTPUT } from '../../../scripts/build-echarts'

describe('custom ECharts build of the ec-canvas component', () => {
  it('is up to date with scripts/build-echarts.ts and its inputs', async () => {
    const committed = readFileSync(ECHARTS_OUTPUT, 'utf8')
    const fresh = await bundleEcharts()
    // Compare lengths first: a 560 KB diff in the failure message helps nobody.
    expect(committed.length, 'echarts.js is stale: run `npx tsx scripts/build-echarts.ts`').toBe(fresh.length)
    expect(committed === fresh, 'echarts.js is stale: run `npx tsx scripts/build-echarts.ts`').toBe(true)
  })

  it('holds the three chart kinds and the canvas renderer, and stays far below the subpackage budget', () => {
    const text = readFileSync(ECHARTS_OUTPUT, 'utf8')
    for (const seriesType of ['"bar"', '"line"', '"pie"']) expect(text).toContain(seriesType)
    expect(Buffer.byteLength(text)).toBeLessThan(800 * 1024)
  })

  it('carries the signature the build scans of tests/weapp/charts.test.ts look for, so they cannot pass vacuously', () => {
    expect(readFileSync(ECHARTS_OUTPUT, 'utf8')).toContain('__ec_inner_')
  })

  it('has no UMD probe for an AMD define: webpack answers it in the weapp build and the helpers go missing', () => {
    expect(readFileSync(ECHARTS_OUTPUT, 'utf8')).not.toMatch(/typeof define\b/)
  })
})
