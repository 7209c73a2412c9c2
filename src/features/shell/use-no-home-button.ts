import { useEffect } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Hides the navigation bar's home button on a page where "home" leads nowhere (the login page: home sends a
 * visitor without a session straight back). WeChat has an API for it; in H5 the button is Taro's element, hidden
 * inline while the page is shown (Taro toggles classes on the bar, never this style), shown again when it leaves.
 */
export function useNoHomeButton(): void {
  const setHidden = (hidden: boolean) => {
    if (process.env.TARO_ENV === 'h5') {
      const button = document.querySelector<HTMLElement>('#taro-navigation-bar .taro-navigation-bar-home')
      if (button) button.style.visibility = hidden ? 'hidden' : ''
    } else if (hidden) {
      Taro.hideHomeButton().catch(() => undefined)
    }
  }
  useDidShow(() => setHidden(true))
  useDidHide(() => setHidden(false))
  // Leaving by redirect (the login done) unloads the page without a hide.
  useEffect(() => () => setHidden(false), [])
}
