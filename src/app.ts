import { type PropsWithChildren } from 'react'
import { useDidHide, useDidShow, useLaunch } from '@tarojs/taro'
import { handleAppHide, handleAppShow, wireSession } from './features/auth/app-session'
import { applyTabBarLocale } from './i18n/tab-bar'
import { usePreferences } from './stores/preferences'
import './app.scss'

// At load, before any page can send a request: the API client must know where the credentials are.
wireSession()

/** The app component: Taro renders every page inside it. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The tab bar's texts come from app.config (Chinese); switch them when the user chose English earlier.
    applyTabBarLocale(usePreferences.getState().locale)
  })
  // Launch is followed by a show: the ten-minute rule and the login redirect run there. In H5, Taro's router
  // calls these on the document's visibilitychange (tests/e2e/session-expiry.test.ts proves it).
  useDidShow(() => handleAppShow())
  useDidHide(() => handleAppHide())
  return children
}

export default App
