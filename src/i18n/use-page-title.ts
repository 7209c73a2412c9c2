import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { usePreferences } from '@/stores/preferences'
import { translate, type MessageKey } from './translate'

/**
 * Keeps the navigation bar title in the chosen language: a page's index.config.ts can only hold the Chinese
 * default, so each page names its title key here.
 */
export function usePageTitle(key: MessageKey): void {
  const locale = usePreferences((state) => state.locale)
  useEffect(() => {
    // Rejects harmlessly while the page is not the current one (e.g. during a transition).
    Taro.setNavigationBarTitle({ title: translate(locale, key) }).catch(() => undefined)
  }, [locale, key])
}
