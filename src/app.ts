import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { applyTabBarLocale } from './i18n/tab-bar'
import { usePreferences } from './stores/preferences'
import './app.scss'

/** The app component: Taro renders every page inside it. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The tab bar's texts come from app.config (Chinese); switch them when the user chose English earlier.
    applyTabBarLocale(usePreferences.getState().locale)
  })
  return children
}

export default App
