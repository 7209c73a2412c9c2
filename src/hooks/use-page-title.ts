import { useEffect } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { usePreferences } from '@/stores/preferences'
import { applyTabBarLocale } from '@/i18n/tab-bar'
import { translate, type MessageKey } from '@/i18n/translate'

/**
 * Keeps the navigation bar title (and the tab bar's texts) in the chosen language: a page's index.config.ts can only hold the Chinese
 * default, so each page names its title key here. Set again on every show: a tab page that was hidden when the
 * language changed could not set its title then (WeChat refuses it for a page that is not in front).
 */
export function usePageTitle(key: MessageKey): void {
  const locale = usePreferences((state) => state.locale)
  const apply = () => {
    // Rejects harmlessly while the page is not the current one (e.g. during a transition).
    const current = usePreferences.getState().locale
    Taro.setNavigationBarTitle({ title: translate(current, key) }).catch(() => undefined)
    // The tab bar too: the launch's setting can come before H5's tab bar exists (a cold start in English showed
    // Chinese tabs). Refused harmlessly on a page without a tab bar.
    applyTabBarLocale(current)
  }
  useEffect(apply, [locale, key])
  useDidShow(apply)
}
