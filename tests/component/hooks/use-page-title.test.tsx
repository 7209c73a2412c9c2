/** The navigation bar title follows the chosen language, also on a page that was hidden while it changed. */
import { act, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { describe, expect, it, vi } from 'vitest'
import { usePageTitle } from '@/hooks/use-page-title'
import { usePreferences } from '@/stores/preferences'
import { showPages } from '../taro-mock'

function TitledPage() {
  usePageTitle('tab.home')
  return null
}

const lastTitle = () => vi.mocked(Taro.setNavigationBarTitle).mock.calls.at(-1)?.[0].title

describe('usePageTitle', () => {
  it('sets the title in the current language and again when the language changes', () => {
    act(() => usePreferences.getState().setLocale('zh-CN'))
    render(<TitledPage />)
    expect(lastTitle()).toBe('首页')
    act(() => usePreferences.getState().setLocale('en-US'))
    expect(lastTitle()).toBe('Home')
  })

  it('sets it again when the page is shown: a title set while the page was hidden may have been refused', () => {
    act(() => usePreferences.getState().setLocale('en-US'))
    render(<TitledPage />)
    vi.mocked(Taro.setNavigationBarTitle).mockClear()
    act(() => showPages())
    expect(lastTitle()).toBe('Home')
  })

  it('puts the tab bar in the language on every show: the one set at launch may come before the tab bar exists', () => {
    act(() => usePreferences.getState().setLocale('en-US'))
    render(<TitledPage />)
    vi.mocked(Taro.setTabBarItem).mockClear()
    act(() => showPages())
    expect(vi.mocked(Taro.setTabBarItem).mock.calls.map(([item]) => item.text)).toEqual(['Home', 'Messages', 'Me'])
  })
})
