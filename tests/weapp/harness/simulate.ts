/**
 * The slice of miniprogram-simulate (and j-component underneath) that the harness uses, typed by hand.
 * We load it with require instead of importing its typings: those declare the global `wx`, `Page`, `App`…
 * of miniprogram-api-typings for the whole program, src/ included, which is not ours to change.
 */
import { createRequire } from 'node:module'
import { installDomGlobals } from './dom-globals'

const require = createRequire(import.meta.url)

/** A node of j-component's tree (the page, or an element found by selector). */
export interface SimNode {
  readonly dom: HTMLElement | undefined
  readonly instance: PageInstance
  querySelector(selector: string): SimNode | undefined
  querySelectorAll(selector: string): SimNode[]
  dispatchEvent(eventName: string, options?: { detail?: unknown; touches?: unknown; changedTouches?: unknown }): void
  toJSON(): SimJson
}

export interface SimRoot extends SimNode {
  attach(parent: Element): void
  detach(): void
}

export interface SimJson {
  tagName: string
  attrs: { name: string; value: unknown }[]
  children: (SimJson | string)[]
}

/** What the build's page methods see as `this` (exparser's method caller). */
export interface PageInstance {
  route?: string
  __route__?: string
  options?: Record<string, string>
  /** Set by Taro's onLoad: the page's id in Taro's DOM. */
  $taroPath?: string
  data: Record<string, unknown>
  setData(data: Record<string, unknown>, callback?: () => void): void
  [key: string]: unknown
}

export interface LoadOptions {
  compiler?: 'official' | 'simulate'
  rootPath?: string
  compilerOptions?: { maxBuffer?: number }
  /** name → already registered component id: reuses a component instead of loading its files again. */
  usingComponents?: Record<string, string>
}

export interface Simulate {
  load(componentPath: string, options?: LoadOptions): string
  render(id: string, properties?: Record<string, unknown>): SimRoot | undefined
}

interface JComponentModule {
  register(definition: { id?: string; path?: string }): string
}

export interface SimulateRuntime {
  simulate: Simulate
  /** The wx API mocks miniprogram-simulate ships (a complete list of wx.* names with plausible results). */
  wxApi: Readonly<Record<string, unknown>>
  /** Every component registration (absolute path without extension → id), in order; see WeappApp's reuse. */
  registrations: { path: string; id: string }[]
}

let runtime: SimulateRuntime | null = null

export function loadSimulate(): SimulateRuntime {
  if (runtime) return runtime
  // simulate writes window.__webview_engine_version__ on load and exparser needs a document: DOM first.
  installDomGlobals()
  // simulate merges an existing global `wx` into its own API object; start clean so that object stays pristine.
  Reflect.deleteProperty(globalThis, 'wx')
  const simulate = require('miniprogram-simulate') as Simulate
  const simulateRequire = createRequire(require.resolve('miniprogram-simulate'))
  const wxApi = { ...(simulateRequire('./src/api') as Record<string, unknown>) }
  // simulate registers every Component() through j-component's register (looked up on the module object at
  // each call), so wrapping it here sees which component file got which id.
  const jComponent = simulateRequire('j-component') as JComponentModule
  const registrations: { path: string; id: string }[] = []
  const register = jComponent.register.bind(jComponent)
  jComponent.register = (definition) => {
    const id = register(definition)
    if (definition.path) registrations.push({ path: definition.path, id })
    return id
  }
  runtime = { simulate, wxApi, registrations }
  return runtime
}
