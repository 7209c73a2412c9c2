/** The user's preferences that survive restarts: for now the interface language. */
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/i18n/translate'
import { taroStorage } from './taro-storage'

interface PreferencesState {
  locale: Locale
  setLocale: (locale: Locale) => void
}

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      locale: DEFAULT_LOCALE,
      setLocale: (locale) => set({ locale }),
    }),
    {
      name: 'op-preferences',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: (state) => ({ locale: state.locale }),
      // A stored value from an unknown version or with a bad locale falls back to the default.
      migrate: (persisted) => {
        const locale = (persisted as { locale?: unknown } | null)?.locale
        return { locale: isLocale(locale) ? locale : DEFAULT_LOCALE }
      },
    },
  ),
)
