import { type PropsWithChildren } from 'react'
import Taro, { useDidHide, useDidShow, useLaunch, usePageNotFound, useUnhandledRejection } from '@tarojs/taro'
import { handleAppHide, handleAppShow, wireSession } from './features/auth/app-session'
import { keepLinksCspSafe } from './features/shell/csp-safe-links'
import { toastIfPackageLoadFailure, watchPackageLoadFailures } from './features/shell/package-load-error'
import { applyTabBarLocale } from './i18n/tab-bar'
import { ROUTES } from './routes'
import { usePreferences } from './stores/preferences'
import './app.scss'

// At load, before any page can send a request: the API client must know where the credentials are.
wireSession()
watchPackageLoadFailures()
// H5: Taro's tab bar links must not trip the Content-Security-Policy (csp-safe-links.h5.ts).
keepLinksCspSafe()

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
  // An unknown link shows a page that says so, with a way home, rather than a blank screen.
  usePageNotFound(() => void Taro.redirectTo({ url: ROUTES.notFound }).catch(() => Taro.reLaunch({ url: ROUTES.notFound })))
  // WeChat: a subpackage page that cannot load rejects the navigation nobody awaits.
  useUnhandledRejection(({ reason }) => void toastIfPackageLoadFailure(reason))
  return children
}

export default App
