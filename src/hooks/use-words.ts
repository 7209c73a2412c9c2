import { useCallback } from 'react'
import { usePreferences } from '@/stores/preferences'
import { fillParams, type WordTables } from '@/i18n/translate'

/**
 * `w(key)` over a subpackage's own word table (i18n/features/actions.ts, tools.ts) in the chosen language: like
 * useT, but the table is imported only by the subpackage's screens, so its words stay out of the main package.
 */
export function useWords<K extends string>(tables: WordTables<K>) {
  const locale = usePreferences((state) => state.locale)
  return useCallback((key: K, params?: Record<string, string | number>) => fillParams(tables[locale][key], params), [tables, locale])
}

export type Words<K extends string> = (key: K, params?: Record<string, string | number>) => string
