/**
 * Counts what a simulated page really renders: the elements (and text nodes) of j-component's DOM for the
 * page, `comp` hosts and everything inside them included. WeChat's "< 1000 WXML nodes" budget counts the
 * rendered tree the same way, so this is the figure to hold against it.
 */
import type { WeappPage } from '../harness'

export interface NodeCount {
  elements: number
  textNodes: number
}

export function countNodes(page: WeappPage): NodeCount {
  const root = page.root.dom
  if (!root) throw new Error(`${page.path} is not rendered`)
  let elements = 0
  let textNodes = 0
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 1) {
        elements += 1
        walk(child)
      } else if (child.nodeType === 3 && (child.textContent ?? '').trim() !== '') {
        textNodes += 1
      }
    }
  }
  walk(root)
  return { elements, textNodes }
}
