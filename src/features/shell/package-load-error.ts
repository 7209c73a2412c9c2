/**
 * A page in a subpackage that cannot be loaded (offline, the package not downloaded yet) used to fail silently:
 * the tap did nothing. These recognise that failure and tell the merchant with a toast.
 *
 * WeChat rejects the navigation ("navigateTo:fail … subpackage …"), which nobody awaits, so it arrives as an
 * unhandled rejection; in H5 webpack rejects the page's chunk (ChunkLoadError) inside Taro's router.
 */
import Taro from '@tarojs/taro'
import { translate } from '@/i18n/translate'
import { usePreferences } from '@/stores/preferences'
import { isPackageLoadFailure } from './package-load-failure'

/** Shows the toast when `reason` is a package that could not load; says whether it was one. */
export function toastIfPackageLoadFailure(reason: unknown): boolean {
  if (!isPackageLoadFailure(reason)) return false
  void Taro.showToast({ title: translate(usePreferences.getState().locale, 'shell.packageOffline'), icon: 'none', duration: 3000 })
  return true
}

/** H5: the router's chunk failure surfaces on the window; handled here, it is no longer an uncaught error. */
export function watchPackageLoadFailures(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  window.addEventListener('unhandledrejection', (event) => {
    if (toastIfPackageLoadFailure(event.reason)) event.preventDefault()
  })
}
