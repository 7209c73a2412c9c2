/**
 * Tests of the harness itself, where the app's pages do not exercise it yet: nodes Taro renders inside its
 * recursive `comp` component (trees deeper than 15 levels, e.g. long nested lists) must be found and tappable,
 * also on the second page of a boot (which reuses `comp` instead of loading it again).
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { bootApp, type WeappApp } from './harness'

/** The few Taro DOM methods used to grow a deep subtree directly (see @tarojs/runtime dom/). */
interface TaroElementLike {
  sid: string
  appendChild(child: TaroElementLike): void
  setAttribute(name: string, value: string): void
  addEventListener(type: string, handler: () => void): void
  childNodes: TaroElementLike[]
}
interface TaroDocumentLike {
  createElement(type: string): TaroElementLike
  createTextNode(text: string): TaroElementLike
}

let app: WeappApp

beforeEach(async () => {
  app = await bootApp()
})

afterEach(() => {
  app.dispose()
})

it('finds, reads and taps a node 20 levels deep, rendered inside Taro’s comp component', async () => {
  await app.openPage('pages/home/index')
  const me = await app.openPage('pages/me/index')
  const document = app.taroDocument as unknown as TaroDocumentLike
  let parent = (me.taroRoot() as unknown as TaroElementLike).childNodes[0]
  for (let depth = 0; depth < 20; depth++) {
    const view = document.createElement('view')
    parent.appendChild(view)
    parent = view
  }
  parent.setAttribute('data-testid', 'deep-node')
  let taps = 0
  parent.addEventListener('tap', () => void (taps += 1))
  const text = document.createElement('text')
  text.appendChild(document.createTextNode('deep text'))
  parent.appendChild(text)
  await me.settle()

  // The node is rendered, but inside comp: exparser's selectors (which stop at comp's shadow tree) miss it,
  // so this test really exercises the path a plain querySelector could not take…
  expect(me.html()).toContain('deep text')
  expect(me.root.querySelector(`#${parent.sid}`)).toBeUndefined()
  // …while the harness finds it through the DOM.
  expect(me.textOf({ testId: 'deep-node' })).toBe('deep text')
  await me.tap({ testId: 'deep-node' })
  expect(taps).toBe(1)
})
