/**
 * The charts page of the real weapp build in simulate, logged in against the live in-process server: the page
 * registers the subpackage's native ec-canvas (whose bundle carries the custom ECharts build), each selected
 * chart type gets a card whose ec-canvas component receives the option built from the server's answer, with
 * the table under it; tabs, presets and the chart-type sheet refetch/redraw; every setData stays within budget.
 * Simulate has no canvas: drawing itself is proven in the H5 end-to-end test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { bootApp, type WeappApp, type WeappPage } from './harness'
import { WEAPP_DIST } from './build-info'
import { startLiveServer, type LiveServer } from './support/live-server'

const PAGE = 'subpackages/charts/index/index'
const SETDATA_BYTES_BUDGET = 256 * 1024
/** An id prefix in ECharts' component model code: survives minification, found in no other library we ship. */
const ECHARTS_SIGNATURE = '__ec_inner_'
/** The class the ec-canvas component's template selects: only the mini-program component has it. */
const EC_CANVAS_SIGNATURE = '.ec-canvas'
const H5_DIST = path.join(path.dirname(WEAPP_DIST), 'h5')

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return jsFiles(file)
    return file.endsWith('.js') ? [file] : []
  })
}

/** The build's .js files that contain `signature`, relative to the build folder. */
function filesContaining(dir: string, signature: string): string[] {
  return jsFiles(dir)
    .filter((file) => readFileSync(file, 'utf8').includes(signature))
    .map((file) => path.relative(dir, file).split(path.sep).join('/'))
}

interface EcCanvasInstance {
  data: { option: { series: Array<{ type: string; name: string; data: unknown[] }>; xAxis?: { data: string[] } } | null }
}

let server: LiveServer
let storage: Record<string, unknown>
let app: WeappApp

beforeAll(async () => {
  server = await startLiveServer()
  storage = server.storageFor(await server.login())
}, 120_000)

afterAll(async () => {
  await server.close()
})

beforeEach(async () => {
  app = await bootApp({ storage })
  app.wx.onRequest(server.handler)
  server.requests.length = 0
})

afterEach(() => {
  app.dispose()
})

function chartRequests(): string[] {
  return server.requests.filter((request) => request.url.startsWith('/api/charts/')).map((request) => request.url)
}

function ecCanvas(page: WeappPage, type: string): EcCanvasInstance {
  return page.element({ testId: `chart-canvas-${type}` }).instance as unknown as EcCanvasInstance
}

/** The option the card's ec-canvas holds, or undefined while the card is loading (no component then). */
function optionOf(page: WeappPage, type: string): EcCanvasInstance['data']['option'] | undefined {
  return page.has({ testId: `chart-canvas-${type}` }) ? ecCanvas(page, type).data.option : undefined
}

/** Taps, then waits until the node that tap reveals is rendered (a busy machine may render after settle). */
async function tapAndWait(page: WeappPage, testId: string, reveals: string): Promise<void> {
  await page.tap({ testId })
  await page.waitFor(() => page.has({ testId: reveals }), { message: `${reveals} never rendered after tapping ${testId}` })
}

async function openCharts(): Promise<WeappPage> {
  const page = await app.openPage(PAGE)
  await page.waitFor(() => page.has({ testId: 'chart-canvas-overview' }) && page.has({ testId: 'chart-canvas-card-brand-cases' }), {
    timeoutMs: 20_000,
    message: 'the default chart cards never rendered',
  })
  await page.settle()
  return page
}

describe('ec-canvas registration', () => {
  it('the charts page uses the subpackage native ec-canvas component, and only it carries ECharts', () => {
    const json = JSON.parse(readFileSync(path.join(WEAPP_DIST, `${PAGE}.json`), 'utf8')) as { usingComponents: Record<string, string> }
    expect(json.usingComponents['ec-canvas']).toBe('../components/ec-canvas/index')
    const component = path.resolve(path.dirname(path.join(WEAPP_DIST, PAGE)), json.usingComponents['ec-canvas'])
    expect(component.startsWith(path.join(WEAPP_DIST, 'subpackages/charts') + path.sep)).toBe(true)
    expect(JSON.parse(readFileSync(`${component}.json`, 'utf8'))).toMatchObject({ component: true })
    expect(readFileSync(`${component}.wxml`, 'utf8')).toContain('type="2d"')
    expect(readFileSync(`${component}.js`, 'utf8')).toContain(ECHARTS_SIGNATURE)
    expect(readFileSync(path.join(WEAPP_DIST, `${PAGE}.js`), 'utf8')).not.toContain(ECHARTS_SIGNATURE)
    // The home tab, which links here, does not drag the component (or ECharts) into the main package.
    expect(existsSync(path.join(WEAPP_DIST, 'components/ec-canvas'))).toBe(false)
  })
})

describe('ECharts only in the charts subpackage (issue 5 budgets)', () => {
  it('the weapp build carries ECharts once, in the ec-canvas component: not in the main package, not in finance', () => {
    expect(filesContaining(WEAPP_DIST, ECHARTS_SIGNATURE)).toEqual(['subpackages/charts/components/ec-canvas/index.js'])
  })

  it.skipIf(!existsSync(H5_DIST))('the H5 build draws with ECharts itself and never carries the mini-program component', () => {
    expect(filesContaining(H5_DIST, ECHARTS_SIGNATURE).length).toBeGreaterThan(0)
    expect(filesContaining(H5_DIST, EC_CANVAS_SIGNATURE)).toEqual([])
  })
})

describe('charts page', () => {
  it('shows the default cards, each ec-canvas fed with the option built from the server answer, tables under them', async () => {
    const page = await openCharts()
    expect(page.text()).toContain('整体交易分析')
    expect(page.text()).toContain('整体成功率分析')
    expect(page.text()).toContain('整体拒付、伪冒和退款（区分卡种）')
    expect(chartRequests().map((url) => url.split('?')[0]).sort()).toEqual([
      '/api/charts/card-brand-cases',
      '/api/charts/overview',
      '/api/charts/success-rate',
    ])

    const overview = ecCanvas(page, 'overview').data.option
    expect(overview?.series.map((series) => [series.type, series.name])).toEqual([
      ['bar', '成功笔数'],
      ['bar', '失败笔数'],
      // 处理中 is stacked too: the three bars of a day add up to its 交易笔数 (issue 11 item 4).
      ['bar', '处理中笔数'],
      ['line', '成功率(%)'],
    ])
    // 近七日: seven days on the x axis, one value per day in each series.
    expect(overview?.xAxis?.data).toHaveLength(7)
    for (const series of overview?.series ?? []) expect(series.data).toHaveLength(7)
    expect(ecCanvas(page, 'success-rate').data.option?.series[0]).toMatchObject({ type: 'line', name: '成功率(%)' })

    // The seed's table: Date / 拒付笔数 / 拒付率, a row per day with the rate in %.
    const table = page.textOf({ testId: 'chart-table-card-brand-cases' })
    expect(table).toContain('日期拒付笔数拒付率')
    expect(table.match(/\d{4}-\d{2}-\d{2}\d+(\d+\.\d{2}%|—)/g)).toHaveLength(7)
    for (const call of page.metrics.calls) expect(call.bytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
  })

  it('switching the case tab redraws that card with the fraud series, without a new request', async () => {
    const page = await openCharts()
    const before = chartRequests().length
    await page.tap({ testId: 'chart-tab-fraud' })
    await page.waitFor(() => optionOf(page, 'card-brand-cases')?.series[0].name === '伪冒笔数')
    expect(page.textOf({ testId: 'chart-table-card-brand-cases' })).toContain('日期伪冒笔数伪冒率')
    expect(chartRequests()).toHaveLength(before)
  })

  it('近30日 refetches every card with range=30d and widens the axis to 30 days', async () => {
    const page = await openCharts()
    server.requests.length = 0
    await page.tap({ testId: 'chart-range-30d' })
    await page.waitFor(() => optionOf(page, 'overview')?.xAxis?.data.length === 30, { timeoutMs: 20_000 })
    const urls = chartRequests()
    expect(urls).toHaveLength(3)
    for (const url of urls) expect(url).toContain('range=30d')
  })

  it('the chart-type sheet adds the chosen types as cards after 确认, each drawn by its own ec-canvas', async () => {
    const page = await openCharts()
    await tapAndWait(page, 'chart-types', 'chart-type-country')
    await page.tap({ testId: 'chart-type-country' })
    await page.tap({ testId: 'chart-type-logistics' })
    await page.tap({ testId: 'chart-type-success-rate' })
    await page.tap({ testId: 'chart-types-confirm' })
    await page.waitFor(() => page.has({ testId: 'chart-canvas-country' }) && page.has({ testId: 'chart-canvas-logistics' }), {
      timeoutMs: 20_000,
    })
    await page.settle()
    expect(page.has({ testId: 'chart-card-success-rate' })).toBe(false)
    expect(ecCanvas(page, 'country').data.option?.series[0].type).toBe('bar')
    expect(ecCanvas(page, 'logistics').data.option?.series[0]).toMatchObject({ type: 'pie' })
    expect(ecCanvas(page, 'logistics').data.option?.series[0].data.length).toBeGreaterThan(0)
    for (const call of page.metrics.calls) expect(call.bytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
  })

  it('all eight chart types at once, on 近30日: under 1000 rendered nodes, every setData within budget', async () => {
    const page = await openCharts()
    await tapAndWait(page, 'chart-types', 'chart-type-country')
    for (const type of ['country', 'failure-reasons', 'chargeback-reasons', 'case-analysis', 'logistics']) {
      await page.tap({ testId: `chart-type-${type}` })
    }
    await page.tap({ testId: 'chart-types-confirm' })
    await page.tap({ testId: 'chart-range-30d' })
    await page.waitFor(
      () => ['overview', 'country', 'success-rate', 'failure-reasons', 'chargeback-reasons', 'card-brand-cases', 'case-analysis', 'logistics'].every((type) => optionOf(page, type) !== undefined),
      { timeoutMs: 30_000, message: 'not every chart drew' },
    )
    await page.settle()
    const nodes = page.root.dom?.querySelectorAll('*').length ?? 0
    console.info(
      `charts page, 8 charts on 30 days: ${nodes} rendered nodes; setData ${page.metrics.setDataCount} calls, ${page.metrics.setDataBytes} bytes, largest ${page.metrics.maxSetDataBytes} bytes`,
    )
    expect(nodes).toBeGreaterThan(300)
    expect(nodes).toBeLessThan(1000)
    expect(page.metrics.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
  })
})
