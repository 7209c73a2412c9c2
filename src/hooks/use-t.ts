import { useCallback } from 'react'
import { usePreferences } from '@/stores/preferences'
import { translate, type MessageKey } from '@/i18n/translate'

/** `t(key)` in the user's chosen language; re-renders the component when the language changes. */
export function useT() {
  const locale = usePreferences((state) => state.locale)
  return useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params),
    [locale],
  )
}
