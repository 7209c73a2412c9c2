/**
 * Reaching Taro's own DOM inside the build. Taro keeps `data-*` props (our `data-testid`) in its DOM's
 * `dataset` and never sends them to the template (hydrate skips them), so the rendered tree has no test ids;
 * Taro's DOM maps a test id to the node's `sid`, which the template does render as the element's id.
 *
 * Taro's document is not global: it lives in a webpack module of taro.js. Before the build loads, we hand the
 * chunks a `webpackJsonp` array whose push records every module as it executes (runtime.js takes the array
 * over later and forwards to this push).
 */

/** The parts of a Taro DOM node the harness reads (see @tarojs/runtime dom/node.ts and dom/element.ts). */
export interface TaroNode {
  nodeName: string
  /** Taro's node id; the template renders `id="{{i.uid||i.sid}}"` and `data-sid="{{i.sid}}"`. */
  sid: string
  /** The element's id attribute if set, else the sid. */
  uid: string
  nodeValue?: string | null
  dataset?: Record<string, string>
  childNodes: TaroNode[]
}

export interface TaroDocument {
  getElementById(id: string): TaroNode | null
}

type WebpackModule = { exports: unknown }
type ModuleFactory = (this: unknown, module: WebpackModule, exports: unknown, require: unknown) => unknown
type Chunk = [ids: unknown[], modules: Record<string, ModuleFactory>, run?: unknown]

export interface ModuleRecorder {
  /** To install as `wx.webpackJsonp` before app.js is required. */
  queue: unknown[]
  /** Every module executed from the chunks pushed before runtime.js (common, vendors, taro, app). */
  modules: Map<string, WebpackModule>
}

export function createModuleRecorder(): ModuleRecorder {
  const modules = new Map<string, WebpackModule>()
  const queue: unknown[] = []
  Object.defineProperty(queue, 'push', {
    configurable: true,
    writable: true,
    value(...chunks: Chunk[]) {
      for (const chunk of chunks) {
        const factories = chunk[1]
        for (const id of Object.keys(factories)) {
          const factory = factories[id]
          factories[id] = function (this: unknown, module, exports, require) {
            modules.set(id, module)
            return factory.call(this, module, exports, require)
          }
        }
      }
      return Array.prototype.push.apply(queue, chunks)
    },
  })
  return { queue, modules }
}

/**
 * Finds Taro's window among the executed modules' exports: app.js stores the app config on it
 * (`window.__taroAppConfig = …`, see dist/weapp/app.js), and its `document` getter returns Taro's document.
 */
export function findTaroDocument(recorder: ModuleRecorder): TaroDocument | null {
  for (const module of recorder.modules.values()) {
    const exported = module.exports
    if (exported === null || (typeof exported !== 'object' && typeof exported !== 'function')) continue
    for (const key of Object.keys(exported)) {
      let value: unknown
      try {
        value = (exported as Record<string, unknown>)[key]
      } catch {
        continue
      }
      if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, '__taroAppConfig')) continue
      const document = (value as { document?: unknown }).document
      if (isTaroDocument(document)) return document
    }
  }
  return null
}

function isTaroDocument(value: unknown): value is TaroDocument {
  return typeof value === 'object' && value !== null && typeof (value as TaroDocument).getElementById === 'function'
}

/** Depth-first search of a Taro subtree. */
export function findTaroNode(root: TaroNode, predicate: (node: TaroNode) => boolean): TaroNode | undefined {
  if (predicate(root)) return root
  for (const child of root.childNodes ?? []) {
    const found = findTaroNode(child, predicate)
    if (found) return found
  }
  return undefined
}

export function collectTestIds(root: TaroNode): string[] {
  const ids: string[] = []
  const walk = (node: TaroNode) => {
    const testId = node.dataset?.testid
    if (testId) ids.push(testId)
    for (const child of node.childNodes ?? []) walk(child)
  }
  walk(root)
  return ids
}
