/**
 * `npx tsx bench/client-weapp.ts [-- --pages 100]` (needs the weapp build: `npx tsx scripts/lib/ensure-builds.ts weapp`)
 *
 * The mini-program's side of issue 14: the real weapp build in the simulate harness (tests/weapp/harness, what the
 * weapp tests run), answered by the real server on the demo data (tests/weapp/support/live-server.ts), 交易明细 over
 * the whole allowed year, scrolled to the bottom page after page as a merchant would until 2,000 rows (100 pages)
 * are loaded. Reports the rendered WXML nodes at the end (target < 1,000: the virtual list) and the setData bytes
 * of every append, page 2 … 100 (target: flat — an append at page 100 costs what one at page 2 does). The weapp
 * test (tests/weapp/transactions.test.ts) asserts the same budgets at 51 pages in CI; this is the deeper measurement.
 */
import { parseArgs } from 'node:util'
import { appendNextPage } from '../tests/weapp/support/list-scroll'
import { countNodes } from '../tests/weapp/support/node-count'
import { startLiveServer } from '../tests/weapp/support/live-server'
import { updateReport } from './lib/report'

const PAGE = 'subpackages/finance/transactions/index'
const ROW_HEIGHT_DESIGN_PX = 216
const ROWS_PER_PAGE = 20

function beijingDate(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '100' } }, strict: true })
  const pages = Number(values.pages)
  const server = await startLiveServer()
  try {
    const app = await server.boot(await server.login())
    const listRequests = () => server.requests.filter((request) => request.url.startsWith('/api/transactions?'))
    try {
      const page = await app.openPage(PAGE, { query: { from: `${beijingDate(-360)}T00:00:00+08:00`, to: `${beijingDate(0)}T23:59:59+08:00` } })
      await page.waitFor(() => page.text().includes('查询出'), { timeoutMs: 30_000, message: 'the list never loaded' })
      await page.settle()
      const info = (app.wx.api.getSystemInfoSync as () => { windowWidth: number; windowHeight: number })()
      const rowPx = (ROW_HEIGHT_DESIGN_PX * info.windowWidth) / 750
      const appendBytes: number[] = []
      let loaded = ROWS_PER_PAGE
      for (let pageNo = 2; pageNo <= pages; pageNo += 1) {
        const calls = await appendNextPage({ page, rowPx, windowHeight: info.windowHeight, listRequests }, loaded, pageNo, 30_000)
        const last = listRequests().at(-1)
        if (last?.statusCode !== 200) throw new Error(`page ${pageNo}: ${last?.statusCode}`)
        appendBytes.push(calls.reduce((sum, call) => sum + call.bytes, 0))
        loaded += ROWS_PER_PAGE
        if (pageNo % 10 === 0) console.log(`page ${pageNo}: ${appendBytes.at(-1)} bytes of setData`)
      }
      const nodes = countNodes(page)
      console.log(`${loaded} rows loaded: ${nodes.elements} elements + ${nodes.textNodes} text nodes rendered; largest setData ${page.metrics.maxSetDataBytes} bytes`)
      updateReport((report) => {
        report.client.weapp = { when: new Date().toISOString(), rows: loaded, pages, nodes: nodes.elements + nodes.textNodes, appendBytes }
      })
    } finally {
      app.dispose()
    }
  } finally {
    await server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
})
