import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useMorePages, type KeysetPage } from '@/hooks/use-more-pages'

/** A page load the test answers by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

describe('useMorePages', () => {
  it('appends the next page of a list that started over while a stale page was still on its way', async () => {
    const stale = deferred<KeysetPage<string>>()
    const fresh = deferred<KeysetPage<string>>()
    const asked: string[] = []
    const answers = [stale, fresh]
    const load = (cursor: string) => {
      asked.push(cursor)
      return answers[asked.length - 1].promise
    }
    const oldFirst: KeysetPage<string> = { items: ['a1'], nextCursor: 'a' }
    const newFirst: KeysetPage<string> = { items: ['b1'], nextCursor: 'b' }
    const { result, rerender } = renderHook(({ first }) => useMorePages(first, load), { initialProps: { first: oldFirst } })

    let staleDone: Promise<void> | undefined
    act(() => void (staleDone = result.current.loadMore()))
    rerender({ first: newFirst })
    let freshDone: Promise<void> | undefined
    act(() => void (freshDone = result.current.loadMore()))
    expect(asked).toEqual(['a', 'b'])

    await act(async () => {
      fresh.resolve({ items: ['b2'], nextCursor: null })
      stale.resolve({ items: ['a2'], nextCursor: 'a3' })
      await Promise.all([staleDone, freshDone])
    })
    expect(result.current.items).toEqual(['b1', 'b2'])
    expect(result.current.hasMore).toBe(false)
  })

  it('asks once however often the bottom is reached while a page is on its way', async () => {
    const page = deferred<KeysetPage<string>>()
    const asked: string[] = []
    const first: KeysetPage<string> = { items: ['a1'], nextCursor: 'a' }
    const { result } = renderHook(() =>
      useMorePages(first, (cursor) => {
        asked.push(cursor)
        return page.promise
      }),
    )
    let done: Promise<void> | undefined
    act(() => {
      done = result.current.loadMore()
      void result.current.loadMore()
    })
    expect(asked).toEqual(['a'])
    expect(result.current.loadingMore).toBe(true)
    await act(async () => {
      page.resolve({ items: ['a2'], nextCursor: null })
      await done
    })
    expect(result.current.items).toEqual(['a1', 'a2'])
    expect(result.current.loadingMore).toBe(false)
  })
})
