/**
 * Loads one thing from the server for a page and tracks the states every page has (SPEC §3): loading, error with
 * retry, ready, and pull-down refresh (the page's config must set `enablePullDownRefresh: true`).
 * A newer load supersedes an older one, so a slow answer never overwrites a fresher one; a page that is gone takes
 * no answer at all.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { isApiClientError, type ApiClientError } from '@/api'

export type RemoteStatus = 'loading' | 'error' | 'ready'

export interface Remote<T> {
  status: RemoteStatus
  data: T | undefined
  error: ApiClientError | Error | undefined
  /** Loads again; keeps showing the current data while it runs (status stays 'ready' if it was). */
  reload: () => Promise<void>
}

export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[]): Remote<T> {
  const [state, setState] = useState<{ status: RemoteStatus; data: T | undefined; error: Remote<T>['error'] }>({
    status: 'loading',
    data: undefined,
    error: undefined,
  })
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const run = useCallback(async (keepData: boolean) => {
    const mine = ++generation.current
    setState((previous) =>
      keepData && previous.data !== undefined ? previous : { status: 'loading', data: undefined, error: undefined },
    )
    try {
      const data = await loadRef.current()
      if (mine === generation.current) setState({ status: 'ready', data, error: undefined })
    } catch (error) {
      if (mine !== generation.current) return
      setState({ status: 'error', data: undefined, error: isApiClientError(error) || error instanceof Error ? error : new Error(String(error)) })
    }
  }, [])

  useEffect(() => {
    void run(false)
    // `deps` are the caller's: a change of filter means a fresh load.
  }, deps)

  // A page that is gone takes no answer: bumping the generation makes any load still on its way stale, as a newer
  // load would (React would otherwise schedule an update on an unmounted page).
  useEffect(
    () => () => {
      generation.current += 1
    },
    [],
  )

  usePullDownRefresh(() => {
    void run(true).finally(() => void Taro.stopPullDownRefresh())
  })

  const reload = useCallback(() => run(true), [run])
  return { ...state, reload }
}
