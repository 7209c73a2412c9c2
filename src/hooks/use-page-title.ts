import { useEffect } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { usePreferences } from '@/stores/preferences'
import { translate, type MessageKey } from '@/i18n/translate'

/**
 * Keeps the navigation bar title in the chosen language: a page's index.config.ts can only hold the Chinese
 * default, so each page names its title key here. Set again on every show: a tab page that was hidden when the
 * language changed could not set its title then (WeChat refuses it for a page that is not in front).
 */
export function usePageTitle(key: MessageKey): void {
  const locale = usePreferences((state) => state.locale)
  const apply = () => {
    // Rejects harmlessly while the page is not the current one (e.g. during a transition).
    Taro.setNavigationBarTitle({ title: translate(usePreferences.getState().locale, key) }).catch(() => undefined)
  }
  useEffect(apply, [locale, key])
  useDidShow(apply)
}
