/**
 * The H5 measure of a virtual list's offset reads the list's own element: no page lookup that can throw after a
 * navigation (Taro's H5 selector query did, asynchronously, "在已加载页面中没有找到对应的容器元素").
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { measureOffset } from '@/components/virtual-list/measure-offset.h5'

afterEach(() => {
  document.body.innerHTML = ''
})

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)))

function listAt(top: number): void {
  const element = document.createElement('div')
  element.id = 'tx-list'
  element.getBoundingClientRect = () => ({ top, bottom: top, left: 0, right: 0, width: 0, height: 0, x: 0, y: top, toJSON: () => ({}) })
  document.body.appendChild(element)
}

describe('measureOffset in H5', () => {
  it('reports the list top within the scrolled content: its viewport top plus the page scroll', async () => {
    listAt(120)
    const done = vi.fn()
    measureOffset('tx-list', () => 300, done)
    await nextFrame()
    expect(done).toHaveBeenCalledWith(420)
  })

  it('reports nothing, and throws nothing, when the list is gone (the page was left meanwhile)', async () => {
    const done = vi.fn()
    expect(() => measureOffset('tx-list', () => 0, done)).not.toThrow()
    await nextFrame()
    expect(done).not.toHaveBeenCalled()
  })

  it('reports nothing once cancelled (the list re-measures or unmounts)', async () => {
    listAt(50)
    const done = vi.fn()
    const cancel = measureOffset('tx-list', () => 0, done)
    cancel()
    await nextFrame()
    expect(done).not.toHaveBeenCalled()
  })
})
