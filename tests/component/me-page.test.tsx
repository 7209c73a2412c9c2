import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { describe, expect, it } from 'vitest'
import MePage from '@/pages/me'

describe('me page', () => {
  it('calls customer service with a dialable number', () => {
    render(<MePage />)
    fireEvent.click(screen.getByTestId('service-phone'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4006290296' })
  })

  it('copies the customer service email', () => {
    render(<MePage />)
    fireEvent.click(screen.getByTestId('service-email'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'cs@oceanpayment.com.cn' })
  })

  it('switches the whole page and the tab bar to English, and remembers the choice', () => {
    render(<MePage />)
    expect(screen.getByText('联系客服')).toBeTruthy()
    fireEvent.click(screen.getByTestId('locale-en-US'))
    expect(screen.getByText('Customer service')).toBeTruthy()
    expect(screen.queryByText('联系客服')).toBeNull()
    expect(Taro.setTabBarItem).toHaveBeenCalledWith({ index: 0, text: 'Home' })
    expect(Taro.setTabBarItem).toHaveBeenCalledWith({ index: 2, text: 'Me' })
    expect(String(Taro.getStorageSync('op-preferences'))).toContain('en-US')
  })
})

describe('page titles', () => {
  it('follow the chosen language', () => {
    render(<MePage />)
    expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '我的' })
    fireEvent.click(screen.getByTestId('locale-en-US'))
    expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: 'Me' })
  })
})
