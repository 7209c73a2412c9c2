import { Text, View } from '@tarojs/components'
import { applyTabBarLocale } from '@/i18n/tab-bar'
import type { Locale } from '@/i18n/translate'
import { usePreferences } from '@/stores/preferences'
import './language-switch.scss'

// Each language is named in itself, so a user who cannot read the current one still finds theirs.
const OPTIONS: readonly { locale: Locale; label: string }[] = [
  { locale: 'zh-CN', label: '中文' },
  { locale: 'en-US', label: 'English' },
]

/** 中文 / English segmented switch; the choice persists and re-labels the tab bar at once. */
export function LanguageSwitch() {
  const locale = usePreferences((state) => state.locale)
  const setLocale = usePreferences((state) => state.setLocale)
  const choose = (next: Locale) => {
    setLocale(next)
    applyTabBarLocale(next)
  }
  return (
    <View className='language-switch'>
      {OPTIONS.map((option) => (
        <View
          key={option.locale}
          data-testid={`locale-${option.locale}`}
          className={`language-switch__option ${option.locale === locale ? 'language-switch__option--active' : ''}`}
          onClick={() => choose(option.locale)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  )
}
