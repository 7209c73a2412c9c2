import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useRemote } from '@/hooks/use-remote'

/** A load the test answers by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: Error) => void
  const promise = new Promise<T>((done, fail) => ((resolve = done), (reject = fail)))
  return { promise, resolve, reject }
}

describe('useRemote', () => {
  it('shows what the load answered', async () => {
    const answer = deferred<string>()
    const { result } = renderHook(() => useRemote(() => answer.promise, []))
    expect(result.current.status).toBe('loading')
    await act(async () => answer.resolve('ready'))
    expect(result.current).toMatchObject({ status: 'ready', data: 'ready' })
  })

  // A page closed (or a test ended) while its load was on its way: the answer must change nothing. React would
  // otherwise schedule an update on the unmounted page, which reads `window` — gone once a test environment is
  // torn down (the component layer's unhandled error in CI, from the messages page's subscribe prompt).
  it('drops an answer or a failure that arrives after the page is gone', async () => {
    const unhandled: unknown[] = []
    const record = (reason: unknown) => void unhandled.push(reason)
    process.on('unhandledRejection', record)
    const saved = globalThis.window
    try {
      for (const settle of ['resolve', 'reject'] as const) {
        const answer = deferred<string>()
        const { unmount } = renderHook(() => useRemote(() => answer.promise, []))
        unmount()
        // @ts-expect-error -- as after the test environment's teardown
        delete globalThis.window
        if (settle === 'resolve') answer.resolve('late')
        else answer.reject(new Error('late'))
        await new Promise((done) => setTimeout(done, 10))
        globalThis.window = saved
      }
    } finally {
      globalThis.window = saved
      process.off('unhandledRejection', record)
    }
    expect(unhandled).toEqual([])
  })
})
