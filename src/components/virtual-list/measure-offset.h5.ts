/**
 * H5 twin of measure-offset.ts: the same measure read from the DOM. Taro's H5 selector query looks its page up
 * through `Current.page` a tick later; when a navigation has replaced that page meanwhile, it throws
 * "在已加载页面中没有找到对应的容器元素" outside any caller's reach. The list's own element needs no page lookup.
 */
export function measureOffset(id: string, scrollTop: () => number, done: (offset: number) => void): () => void {
  let live = true
  // After this render has reached the DOM, as the selector query's tick would be.
  const frame = requestAnimationFrame(() => {
    const element = document.getElementById(id)
    if (live && element !== null) done(Math.max(0, element.getBoundingClientRect().top + scrollTop()))
  })
  return () => {
    live = false
    cancelAnimationFrame(frame)
  }
}
