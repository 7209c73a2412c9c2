import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { fetchTodos } from '@/api'
import { useRemote } from '@/hooks/use-remote'

/**
 * The to-dos are real time, so they are fetched again every time the home tab shows (back from a list, a tab
 * switch). The first show is the mount's own load; later ones keep the current figures on screen while loading.
 */
export function useTodos() {
  const remote = useRemote(fetchTodos, [])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void remote.reload()
    shown.current = true
  })
  return remote
}
