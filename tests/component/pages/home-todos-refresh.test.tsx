/** The to-dos are real time: every show of the home tab fetches them again, without blanking what is shown. */
import { act, render, screen } from '@testing-library/react'
import { useEffect } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TodosResponse } from '@contract/todos'
import { fetchTodos } from '@/api'
import HomePage from '@/pages/home'

const shows = vi.hoisted(() => ({ latest: (): void => undefined }))

vi.mock('@tarojs/taro', async (importOriginal) => {
  const original = await importOriginal<typeof import('@tarojs/taro')>()
  return {
    ...original,
    // As the shared mock (runs on mount), and remembers the latest render's listener, as Taro calls it on a show.
    useDidShow: (callback: () => void) => {
      shows.latest = callback
      useEffect(() => callback(), [])
    },
  }
})
vi.mock('@/api', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api')>()), fetchTodos: vi.fn() }))

const todos = vi.mocked(fetchTodos)
const withPending = (count: number): TodosResponse => ({
  date: '2025-05-15',
  today: { successCount: 5, amounts: [{ currency: 'USD', amount: '10.00' }], query: { filter: { status: 'success' } } },
  items: [{ kind: 'pendingAuthorization', count, query: { filter: { authStatus: 'pending' } } }],
  asOf: '2025-05-15T16:52:56+08:00',
})

beforeEach(() => {
  todos.mockReset()
})

describe('home to-dos on show', () => {
  it('loads once on the first show, then again on each later show, keeping the old figures meanwhile', async () => {
    todos.mockResolvedValueOnce(withPending(142))
    render(<HomePage />)
    await screen.findByText('142 笔')
    expect(todos).toHaveBeenCalledTimes(1)

    let answer: (value: TodosResponse) => void = () => undefined
    todos.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
    act(() => shows.latest())
    expect(todos).toHaveBeenCalledTimes(2)
    // While the fresh figures are on their way the old ones stay; no loading flash.
    expect(screen.queryByTestId('state-loading')).toBeNull()
    expect(screen.getByText('142 笔')).toBeTruthy()

    await act(async () => answer(withPending(141)))
    expect(screen.getByText('141 笔')).toBeTruthy()
  })
})
