/** Tab bar texts follow the chosen language (app.config.ts can only hold one, the Chinese default). */
import Taro from '@tarojs/taro'
import { translate, type Locale, type MessageKey } from './translate'

const TAB_KEYS: readonly MessageKey[] = ['tab.home', 'tab.messages', 'tab.me']

export function applyTabBarLocale(locale: Locale): void {
  TAB_KEYS.forEach((key, index) => {
    // Fails harmlessly when the current page has no tab bar (e.g. login); the next tab page applies it again.
    Taro.setTabBarItem({ index, text: translate(locale, key) }).catch(() => undefined)
  })
}
