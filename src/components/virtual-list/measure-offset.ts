/**
 * Where the list starts within the scrolled content, px: its top in the viewport plus how far the page is
 * scrolled (`scrollTop`, as usePageScroll reports it: the window in weapp, the page element in H5).
 * weapp: a selector query (H5 has its own file, measure-offset.h5.ts). Returns a cancel function.
 */
import Taro from '@tarojs/taro'

export function measureOffset(id: string, scrollTop: () => number, done: (offset: number) => void): () => void {
  let live = true
  try {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .boundingClientRect()
      .exec((result: unknown) => {
        const [rect] = (Array.isArray(result) ? result : []) as Array<{ top?: number } | null>
        const top = rect?.top
        if (live && typeof top === 'number') done(Math.max(0, top + scrollTop()))
      })
  } catch {
    // No selector query (a test double): keep 0; the overscan covers the header's height.
  }
  return () => void (live = false)
}
