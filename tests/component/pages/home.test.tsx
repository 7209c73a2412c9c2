import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TodosResponse } from '@contract/todos'
import { ApiClientError, fetchTodos } from '@/api'
import HomePage from '@/pages/home'
import { useSession } from '@/stores/session'
import { usePreferences } from '@/stores/preferences'

vi.mock('@/api', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api')>()), fetchTodos: vi.fn() }))

const TODOS: TodosResponse = {
  date: '2025-05-15',
  today: {
    successCount: 37,
    amounts: [
      { currency: 'USD', amount: '12345.60' },
      { currency: 'JPY', amount: '2761' },
    ],
    query: { filter: { from: '2025-05-15T00:00:00+08:00', to: '2025-05-15T23:59:59+08:00', status: 'success' } },
  },
  items: [
    { kind: 'pendingAuthorization', count: 142, query: { filter: { authStatus: 'pending' } } },
    { kind: 'chargeback', count: 0, query: { filter: { case: 'chargeback' } } },
    { kind: 'dispute', count: 3, query: { filter: { case: 'dispute' } } },
    { kind: 'fraud', count: 0, query: { filter: { case: 'fraud' } } },
    { kind: 'retrieval', count: 1, query: { filter: { case: 'retrieval' } } },
  ],
  asOf: '2025-05-15T16:52:56+08:00',
}

const todos = vi.mocked(fetchTodos)
const networkError = () => new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' })

beforeEach(() => {
  todos.mockReset()
  useSession.setState({ profile: null })
})

async function renderLoaded() {
  todos.mockResolvedValue(TODOS)
  render(<HomePage />)
  await screen.findByTestId('todo-today')
}

describe('home page', () => {
  it("shows today's successes, the five pending counts and the as-of time", async () => {
    await renderLoaded()
    const today = screen.getByTestId('todo-today')
    expect(today.textContent).toContain('今日成功')
    expect(today.textContent).toContain('37 笔')
    expect(within(today).getByText('USD 12,345.60')).toBeTruthy()
    expect(within(today).getByText('JPY 2,761')).toBeTruthy()
    const rows: Array<[string, string, string]> = [
      ['pendingAuthorization', '待授权', '142 笔'],
      ['chargeback', '拒付', '0 笔'],
      ['dispute', '争议', '3 笔'],
      ['fraud', '伪冒', '0 笔'],
      ['retrieval', '调单', '1 笔'],
    ]
    for (const [kind, label, count] of rows) {
      const row = screen.getByTestId(`todo-${kind}`)
      expect(row.textContent).toContain(label)
      expect(row.textContent).toContain(count)
    }
    expect(screen.getByText('数据更新于 2025-05-15 16:52:56')).toBeTruthy()
  })

  it('opens the transactions list filtered as the server counted, for a pending count and for today', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('todo-pendingAuthorization'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/finance/transactions/index?authStatus=pending' })
    fireEvent.click(screen.getByTestId('todo-retrieval'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/finance/transactions/index?case=retrieval' })
    fireEvent.click(screen.getByTestId('todo-today'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url:
        '/subpackages/finance/transactions/index?from=2025-05-15T00%3A00%3A00%2B08%3A00' +
        '&to=2025-05-15T23%3A59%3A59%2B08%3A00&status=success',
    })
  })

  it('keeps the section entries usable while the to-dos load', () => {
    todos.mockReturnValue(new Promise(() => undefined))
    render(<HomePage />)
    expect(screen.getByTestId('state-loading')).toBeTruthy()
    fireEvent.click(screen.getByTestId('entry-funds'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/finance/funds/index' })
    fireEvent.click(screen.getByTestId('entry-transactions'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/finance/transactions/index' })
    fireEvent.click(screen.getByText('交易划款'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/finance/settlements/index' })
    fireEvent.click(screen.getByText('可视化图表'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/charts/index/index' })
  })

  it('explains a failed load and loads again on retry', async () => {
    todos.mockRejectedValueOnce(networkError()).mockResolvedValueOnce(TODOS)
    render(<HomePage />)
    await screen.findByTestId('state-error')
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByTestId('state-retry'))
    await screen.findByTestId('todo-today')
    expect(screen.queryByTestId('state-error')).toBeNull()
    expect(todos).toHaveBeenCalledTimes(2)
  })

  it('shows zero counts when nothing is waiting', async () => {
    todos.mockResolvedValue({
      ...TODOS,
      today: { ...TODOS.today, successCount: 0, amounts: [] },
      items: TODOS.items.map((item) => ({ ...item, count: 0 })),
    })
    render(<HomePage />)
    await screen.findByTestId('todo-today')
    expect(screen.getByText('暂无成功交易')).toBeTruthy()
    expect(screen.getByTestId('todo-pendingAuthorization').textContent).toContain('0 笔')
  })

  it("names the signed-in user's merchant in the header", async () => {
    useSession.setState({
      profile: {
        userId: 'u1',
        username: '张敏',
        position: '财务主管',
        phone: '138****8000',
        merchantAccount: '140105',
        merchantName: '深圳市示例贸易有限公司',
        permissions: [],
      },
    })
    await renderLoaded()
    expect(screen.getByTestId('home-merchant').textContent).toBe('深圳市示例贸易有限公司')
    expect(screen.getByText('账户号 140105')).toBeTruthy()
  })

  it('renders in English', async () => {
    act(() => usePreferences.setState({ locale: 'en-US' }))
    await renderLoaded()
    expect(screen.getByText('To-dos')).toBeTruthy()
    expect(screen.getByTestId('todo-pendingAuthorization').textContent).toContain('Pending authorization')
    expect(screen.getByTestId('todo-pendingAuthorization').textContent).toContain('142')
    expect(screen.getByText('As of 2025-05-15 16:52:56')).toBeTruthy()
    expect(screen.getByText('Transactions')).toBeTruthy()
    expect(screen.queryByText('待办事项')).toBeNull()
  })
})
