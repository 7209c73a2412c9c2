/**
 * miniprogram-simulate renders through j-component/exparser into a browser DOM and reads `window`/`document`
 * as globals, while the weapp suite runs in vitest's plain `node` environment. This installs one jsdom window
 * for the whole process (idempotent); it stays installed, since simulate's timers may still fire after a test.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface JsdomModule {
  JSDOM: new (html: string, options?: { url?: string; pretendToBeVisual?: boolean }) => { window: Window & typeof globalThis }
}

let installed: (Window & typeof globalThis) | null = null

export function installDomGlobals(): Window & typeof globalThis {
  if (installed) return installed
  const { JSDOM } = require('jsdom') as JsdomModule
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://servicewechat.com/' })
  define('window', window)
  define('document', window.document)
  // Node ≥ 19 has its own Event, CustomEvent and EventTarget; jsdom's dispatchEvent rejects those
  // ("parameter 1 is not of type 'Event'"), and j-component creates its tap events with the globals.
  // TouchEvent is what j-component uses for touchstart/touchend.
  for (const name of ['Event', 'CustomEvent', 'EventTarget', 'TouchEvent'] as const) {
    if (name in window) define(name, window[name])
  }
  installed = window
  return window
}

function define(name: string, value: unknown): void {
  // Node's own Event etc. are configurable accessors on globalThis; a plain assignment may not replace them.
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: false })
}
