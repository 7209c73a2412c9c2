import { describe, expect, it } from 'vitest'
import type { TodoKind } from '@contract/todos'
import { TODO_LABEL, todoListUrl } from '@/features/todos/todo-links'
import { translate } from '@/i18n/translate'
import { filterFromParams } from '@/utils/transactions-filter-url'

describe('todoListUrl', () => {
  it('opens the transactions page with the filter the server counted', () => {
    expect(todoListUrl({ filter: { authStatus: 'pending' } })).toBe('/subpackages/finance/transactions/index?authStatus=pending')
    expect(todoListUrl({ filter: { case: 'chargeback' } })).toBe('/subpackages/finance/transactions/index?case=chargeback')
    expect(todoListUrl({ filter: {} })).toBe('/subpackages/finance/transactions/index')
  })

  it('round-trips through the transactions page reading its params back', () => {
    const filter = { from: '2025-05-15T00:00:00+08:00', to: '2025-05-15T23:59:59+08:00', status: 'success' } as const
    const url = todoListUrl({ filter })
    const params = Object.fromEntries(url.slice(url.indexOf('?') + 1).split('&').map((pair) => pair.split('=')))
    expect(filterFromParams(params)).toEqual(filter)
  })
})

describe('to-do labels', () => {
  it('name the five kinds as the seed does, in both languages', () => {
    const kinds: TodoKind[] = ['pendingAuthorization', 'chargeback', 'dispute', 'fraud', 'retrieval']
    expect(kinds.map((kind) => translate('zh-CN', TODO_LABEL[kind]))).toEqual(['待授权', '拒付', '争议', '伪冒', '调单'])
    expect(kinds.map((kind) => translate('en-US', TODO_LABEL[kind]))).toEqual([
      'Pending authorization',
      'Chargebacks',
      'Disputes',
      'Fraud',
      'Retrievals',
    ])
  })
})
