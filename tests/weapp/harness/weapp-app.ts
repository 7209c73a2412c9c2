/**
 * Boots the real weapp build (dist/weapp) in miniprogram-simulate and drives its pages:
 *
 *   const app = await bootApp()                        // loads app.js, runs App's onLaunch/onShow
 *   const home = await app.openPage('pages/home/index') // onLoad(query) → onShow → first setData → onReady
 *   home.text()                                        // rendered text
 *   await home.tap({ testId: 'entry-transactions' })    // data-testid, or { selector } / { sid }
 *   app.wx.navigations()                               // recorded wx.* calls
 *   home.metrics                                       // setData count and JSON bytes
 *
 * tests/weapp/README.md lists the whole API and why each step is done the way it is.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { WEAPP_DIST, listPages, readAppJson, type AppJson, type PageEntry } from '../build-info'
import { loadSimulate, type PageInstance, type SimJson, type SimNode, type SimRoot, type SimulateRuntime } from './simulate'
import { collectTestIds, createModuleRecorder, findTaroDocument, findTaroNode, type TaroDocument, type TaroNode } from './taro-dom'
import { createWxMock, parseUrl, type WxMock } from './wx-mock'

const require = createRequire(import.meta.url)

export interface BootOptions {
  /** Defaults to dist/weapp. */
  distDir?: string
  /** Initial wx storage, e.g. a persisted session or locale. */
  storage?: Record<string, unknown>
  /** What App's onLaunch/onShow receive. */
  launch?: { path?: string; query?: Record<string, string>; scene?: number }
}

export interface OpenOptions {
  /** Merged over the url's own query. */
  query?: Record<string, string>
  /** How long to wait for the page's first setData. */
  timeoutMs?: number
}

export type Target = { testId: string } | { selector: string } | { sid: string }

export interface SetDataRecord {
  /** UTF-8 bytes of JSON.stringify(data): what crosses from the logic layer to the render layer. */
  bytes: number
  keys: string[]
}

export interface PageMetrics {
  path: string
  setDataCount: number
  setDataBytes: number
  maxSetDataBytes: number
  calls: SetDataRecord[]
}

export interface WaitOptions {
  timeoutMs?: number
  message?: string
}

/** App() gets a config object; getApp() returns it, as in WeChat. */
type AppInstance = Record<string, unknown>

const DEFAULT_TIMEOUT_MS = 5_000
const POLL_MS = 5
const COMPILER_MAX_BUFFER = 64 * 1024 * 1024

// The build resolves App/Page/getApp/getCurrentPages as globals, and Taro keeps references to getApp and
// getCurrentPages from the moment taro.js loads; so they are installed once and dispatch to the active app,
// the most recently booted one that is not disposed.
const liveApps: WeappApp[] = []
let pendingAppConfig: AppInstance | null = null
let pageDefinitions = 0
let globalsInstalled = false

function activeApp(): WeappApp | undefined {
  return liveApps.at(-1)
}

function installMiniProgramGlobals(): void {
  if (globalsInstalled) return
  globalsInstalled = true
  const globals = globalThis as unknown as Record<string, unknown>
  globals.App = (config: AppInstance) => void (pendingAppConfig = config)
  globals.getApp = () => activeApp()?.appInstance
  globals.getCurrentPages = () => activeApp()?.currentPages().map((page) => page.instance) ?? []
  // Simulate only knows Component(); a page becomes a component whose methods are all of the page's
  // functions (onLoad, onShow, Taro's event handler `eh`…), so the harness can call the lifecycles itself.
  globals.Page = (config: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    const options: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(config)) {
      if (typeof value === 'function') methods[key] = value
      else options[key] = value
    }
    pageDefinitions += 1
    ;(globals.Component as (definition: Record<string, unknown>) => void)({ ...options, methods })
  }
}

export async function bootApp(options: BootOptions = {}): Promise<WeappApp> {
  const distDir = path.resolve(options.distDir ?? WEAPP_DIST)
  const appJson = readAppJson(distDir)
  const runtime = loadSimulate()
  installMiniProgramGlobals()

  const wx = createWxMock(runtime.wxApi, options.storage)
  const recorder = createModuleRecorder()
  wx.api.webpackJsonp = recorder.queue
  ;(globalThis as unknown as Record<string, unknown>).wx = wx.api

  // A fresh boot must execute the build again: drop it from Node's module cache (simulate already does so for
  // page and component files; app.js pulls in common, vendors, taro and runtime).
  for (const file of Object.keys(require.cache)) {
    if (file.startsWith(distDir + path.sep)) delete require.cache[file]
  }
  pendingAppConfig = null
  require(path.join(distDir, 'app.js'))
  const appInstance = pendingAppConfig as AppInstance | null
  if (!appInstance) throw new Error(`${distDir}/app.js did not call App()`)
  const taroDocument = findTaroDocument(recorder)
  if (!taroDocument) {
    throw new Error("Taro's document not found among the build's modules (did Taro stop setting window.__taroAppConfig?)")
  }

  const app = new WeappApp(distDir, appJson, wx, appInstance, taroDocument, runtime)
  liveApps.push(app)
  const launch = {
    path: options.launch?.path ?? appJson.pages[0],
    query: options.launch?.query ?? {},
    scene: options.launch?.scene ?? 1001,
    referrerInfo: {},
  }
  callIfFunction(appInstance, 'onLaunch', launch)
  callIfFunction(appInstance, 'onShow', launch)
  // Launch hooks (Taro's useLaunch) may call wx asynchronously.
  await delay(0)
  return app
}

export class WeappApp {
  private readonly stack: WeappPage[] = []
  private readonly opened: WeappPage[] = []
  /** Page path → simulate component id: a page's module runs (and calls Page()) once per boot. */
  private readonly pageIds = new Map<string, string>()
  /** Component file → id, for components (Taro's `comp`) registered by an earlier page of this boot. */
  private readonly componentIds = new Map<string, string>()

  constructor(
    readonly distDir: string,
    readonly appJson: AppJson,
    readonly wx: WxMock,
    readonly appInstance: AppInstance,
    readonly taroDocument: TaroDocument,
    private readonly runtime: SimulateRuntime,
  ) {}

  pages(): PageEntry[] {
    return listPages(this.appJson)
  }

  /** Pages currently open, oldest first (what getCurrentPages() returns, as instances). */
  currentPages(): readonly WeappPage[] {
    return this.stack
  }

  /** setData metrics of every page opened in this app, closed ones included. */
  metrics(): PageMetrics[] {
    return this.opened.map((page) => ({ ...page.metrics, calls: [...page.metrics.calls] }))
  }

  /**
   * Opens a page like WeChat does on navigation: `url` is a page path with or without leading slash and query
   * ("/subpackages/finance/transactions/index?id=1"), so a recorded navigation's url can be opened as is.
   */
  async openPage(url: string, options: OpenOptions = {}): Promise<WeappPage> {
    const parsed = parseUrl(url)
    const pagePath = parsed.path.slice(1)
    if (!this.pages().some((page) => page.path === pagePath)) {
      throw new Error(`${pagePath} is not a page of app.json (pages: ${this.pages().map((page) => page.path).join(', ')})`)
    }
    const query = { ...parsed.query, ...options.query }
    const root = this.runtime.simulate.render(this.loadPage(pagePath))
    if (!root) throw new Error(`simulate could not render ${pagePath}`)
    const container = document.createElement('div')
    document.body.appendChild(container)
    root.attach(container)

    const instance = root.instance
    instance.route = pagePath
    instance.__route__ = pagePath
    instance.options = query
    const page = new WeappPage(this, pagePath, query, root, instance)
    this.stack.push(page)
    this.opened.push(page)

    // One argument only: Taro's onLoad takes a second one as a prerender callback and then never renders.
    await page.lifecycle('onLoad', query)
    await page.lifecycle('onShow')
    await page.waitFor(() => page.metrics.setDataCount > 0, {
      timeoutMs: options.timeoutMs,
      message: `${pagePath} never called setData after onLoad`,
    })
    await page.lifecycle('onReady')
    return page
  }

  /** Closes every open page. Globals (jsdom, wx, App/Page) stay: vitest isolates test files anyway. */
  dispose(): void {
    for (const page of [...this.stack].reverse()) page.unload()
    const index = liveApps.indexOf(this)
    if (index >= 0) liveApps.splice(index, 1)
  }

  /** @internal */
  removeFromStack(page: WeappPage): void {
    const index = this.stack.indexOf(page)
    if (index >= 0) this.stack.splice(index, 1)
  }

  private loadPage(pagePath: string): string {
    const cached = this.pageIds.get(pagePath)
    if (cached) return cached
    const file = path.join(this.distDir, pagePath)
    const before = { definitions: pageDefinitions, registrations: this.runtime.registrations.length }
    const id = this.runtime.simulate.load(file, {
      compiler: 'official',
      rootPath: this.distDir,
      compilerOptions: { maxBuffer: COMPILER_MAX_BUFFER },
      usingComponents: this.reusableComponents(pagePath),
    })
    if (pageDefinitions === before.definitions) {
      throw new Error(`${pagePath}.js did not call Page() (its webpack chunk was already installed in this boot?)`)
    }
    // A component's module, like a page's, runs only once per boot: loading `comp` again for a second page
    // would register a component that never called Component(). Later pages reuse the first registration.
    for (const registration of this.runtime.registrations.slice(before.registrations)) {
      if (registration.path !== file) this.componentIds.set(registration.path, registration.id)
    }
    this.pageIds.set(pagePath, id)
    return id
  }

  private usingComponents(pagePath: string): Record<string, string> {
    const json = JSON.parse(readFileSync(path.join(this.distDir, `${pagePath}.json`), 'utf8')) as {
      usingComponents?: Record<string, string>
    }
    return json.usingComponents ?? {}
  }

  private reusableComponents(pagePath: string): Record<string, string> {
    const reuse: Record<string, string> = {}
    for (const [name, relative] of Object.entries(this.usingComponents(pagePath))) {
      const file = relative.startsWith('/')
        ? path.join(this.distDir, relative)
        : path.join(path.dirname(path.join(this.distDir, pagePath)), relative)
      const id = this.componentIds.get(file)
      if (id) reuse[name] = id
    }
    return reuse
  }
}

export class WeappPage {
  readonly metrics: PageMetrics

  constructor(
    readonly app: WeappApp,
    readonly path: string,
    readonly query: Record<string, string>,
    readonly root: SimRoot,
    readonly instance: PageInstance,
  ) {
    this.metrics = { path, setDataCount: 0, setDataBytes: 0, maxSetDataBytes: 0, calls: [] }
    const setData = instance.setData
    instance.setData = (data, callback) => {
      const bytes = Buffer.byteLength(JSON.stringify(data), 'utf8')
      this.metrics.setDataCount += 1
      this.metrics.setDataBytes += bytes
      this.metrics.maxSetDataBytes = Math.max(this.metrics.maxSetDataBytes, bytes)
      this.metrics.calls.push({ bytes, keys: Object.keys(data) })
      setData.call(instance, data, callback)
    }
  }

  /** Rendered text, all nodes concatenated (exactly what the template produced, no separators). */
  text(): string {
    return this.root.dom?.textContent ?? ''
  }

  html(): string {
    return this.root.dom?.innerHTML ?? ''
  }

  /** j-component's JSON of the rendered tree, for snapshots and debugging. */
  tree(): SimJson {
    return this.root.toJSON()
  }

  /** The page's root in Taro's DOM (where `data-testid`s live). */
  taroRoot(): TaroNode {
    const id = this.instance.$taroPath
    const node = id ? this.app.taroDocument.getElementById(id) : null
    if (!node) throw new Error(`${this.path} has no Taro root (not loaded yet, or unloaded)`)
    return node
  }

  testIds(): string[] {
    return collectTestIds(this.taroRoot())
  }

  has(target: Target): boolean {
    return this.find(target) !== undefined
  }

  /** The rendered node for a target; throws with the page's test ids when there is none. */
  element(target: Target): SimNode {
    const node = this.find(target)
    if (!node) throw new Error(`${describe(target)} not found on ${this.path}; test ids here: ${this.testIds().join(', ') || '(none)'}`)
    return node
  }

  textOf(target: Target): string {
    return this.element(target).dom?.textContent ?? ''
  }

  /** A user tap (the event Taro binds as bindtap); resolves once the resulting renders have settled. */
  async tap(target: Target): Promise<void> {
    await this.trigger(target, 'tap', { x: 0, y: 0 })
  }

  /** Any component event, e.g. trigger({ testId: 'only-unread' }, 'change', { value: true }) for a switch. */
  async trigger(target: Target, eventName: string, detail: Record<string, unknown> = {}): Promise<void> {
    this.element(target).dispatchEvent(eventName, { detail })
    await this.settle()
  }

  /**
   * Calls a page lifecycle the way WeChat would (onShow, onHide, onReachBottom, onPullDownRefresh…) and waits
   * for the renders it causes.
   */
  async lifecycle(name: string, ...args: unknown[]): Promise<unknown> {
    const result = callIfFunction(this.instance, name, ...args)
    await this.settle()
    return result
  }

  async waitFor(predicate: () => boolean, options: WaitOptions = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    while (!predicate()) {
      if (Date.now() > deadline) {
        throw new Error(`${options.message ?? 'condition not met'} (${this.path}, text: "${this.text().slice(0, 300)}")`)
      }
      await delay(POLL_MS)
    }
  }

  async waitForText(text: string, options: WaitOptions = {}): Promise<void> {
    await this.waitFor(() => this.text().includes(text), { message: `"${text}" never rendered`, ...options })
  }

  /**
   * Waits until no setData happened for `quietMs`: Taro batches React updates and sends them a tick later,
   * so a fixed sleep would be either slow or flaky.
   */
  async settle(options: { quietMs?: number; timeoutMs?: number } = {}): Promise<void> {
    const quietMs = options.quietMs ?? 30
    const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    let count = this.metrics.setDataCount
    let quietSince = Date.now()
    for (;;) {
      await delay(POLL_MS)
      if (this.metrics.setDataCount !== count) {
        count = this.metrics.setDataCount
        quietSince = Date.now()
      } else if (Date.now() - quietSince >= quietMs) {
        return
      }
      if (Date.now() > deadline) throw new Error(`${this.path} kept calling setData for ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)
    }
  }

  /** onUnload, then out of the page stack and the DOM. */
  unload(): void {
    callIfFunction(this.instance, 'onUnload')
    this.root.detach()
    this.app.removeFromStack(this)
  }

  private find(target: Target): SimNode | undefined {
    // Selectors go through exparser, which matches unprefixed class names but stays in the page's own tree.
    if ('selector' in target) return this.root.querySelector(target.selector)
    const node =
      'testId' in target
        ? findTaroNode(this.taroRoot(), (candidate) => candidate.dataset?.testid === target.testId)
        : (this.app.taroDocument.getElementById(target.sid) ?? undefined)
    return node ? this.nodeForSid(node.sid) : undefined
  }

  /**
   * Finds a rendered element by its `data-sid` in the DOM, not with exparser's querySelector: Taro renders
   * subtrees deeper than 15 levels inside its `comp` component, a virtual host whose shadow tree exparser's
   * selectors do not enter, while j-component's DOM is one flat tree.
   */
  private nodeForSid(sid: string): SimNode | undefined {
    const element = this.root.dom?.querySelector(`[data-sid="${sid.replace(/["\\]/g, '\\$&')}"]`)
    const exparserNode = (element as unknown as { __wxElement?: unknown } | null)?.__wxElement
    if (!exparserNode) return undefined
    // j-component exports only RootComponent; its base class wraps any exparser node with the real
    // dispatchEvent (DOM event plus exparser event, as a user's tap would produce).
    const NodeClass = Object.getPrototypeOf(Object.getPrototypeOf(this.root)).constructor as new (node: unknown) => SimNode
    return new NodeClass(exparserNode)
  }
}

function describe(target: Target): string {
  if ('testId' in target) return `data-testid="${target.testId}"`
  if ('sid' in target) return `sid ${target.sid}`
  return `selector ${target.selector}`
}

function callIfFunction(owner: Record<string, unknown>, name: string, ...args: unknown[]): unknown {
  const fn = owner[name]
  return typeof fn === 'function' ? (fn as (...params: unknown[]) => unknown).apply(owner, args) : undefined
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
