import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { describe, expect, it } from 'vitest'
import HomePage from '@/pages/home'

describe('home page', () => {
  it('shows the four sections in Chinese by default', () => {
    render(<HomePage />)
    for (const label of ['账户资金明细', '交易明细', '交易划款', '可视化图表']) {
      expect(screen.getByText(label)).toBeTruthy()
    }
  })

  it('opens the transactions page of the finance subpackage when its entry is tapped', () => {
    render(<HomePage />)
    fireEvent.click(screen.getByTestId('entry-transactions'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/finance/transactions/index' })
  })

  it('opens the charts subpackage from the charts entry', () => {
    render(<HomePage />)
    fireEvent.click(screen.getByText('可视化图表'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/charts/index/index' })
  })
})
