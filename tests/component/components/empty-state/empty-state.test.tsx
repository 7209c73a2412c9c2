import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { EmptyState } from '@/components/empty-state'

describe('EmptyState', () => {
  it('where filters are set: the SPEC text and a "清除筛选" button that clears them', () => {
    const clear = vi.fn()
    render(<EmptyState onClearFilters={clear} />)
    expect(screen.getByText('查询结果为空')).toBeTruthy()
    // Chinese punctuation; the hint is kept in whole phrases (keep-all), so it never ends in a lone "询".
    expect(screen.getByText('无法查询到相关数据，您可以尝试更换筛选条件再次查询').className).toContain('empty-state__hint')
    fireEvent.click(screen.getByTestId('state-empty-clear'))
    expect(clear).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('state-empty-clear').textContent).toBe('清除筛选')
  })

  it('without filters: no filter advice, only the pull-down hint', () => {
    render(<EmptyState />)
    expect(screen.queryByTestId('state-empty-clear')).toBeNull()
    expect(screen.queryByText(/筛选/)).toBeNull()
    expect(screen.getByText('下拉可刷新')).toBeTruthy()
  })
})
