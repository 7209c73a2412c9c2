/** Pure lookup of user-facing strings; kept free of Taro and React so it is tested directly. */
import enUS from './en-US'
import zhCN, { type MessageKey } from './zh-CN'

export type Locale = 'zh-CN' | 'en-US'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US']
export const DEFAULT_LOCALE: Locale = 'zh-CN'

const tables: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Replaces `{name}` placeholders with params; an unknown placeholder is left as is so a bug shows. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return fillParams(tables[locale][key], params)
}

/** The placeholder rule of every table, the main one and the subpackages' own (hooks/use-words.ts). */
export function fillParams(text: string, params?: Record<string, string | number>): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/**
 * A word table that lives in a subpackage (its screens' words must not weigh on the main package): both languages,
 * the English half typed against the Chinese keys like the main table's feature files.
 */
export type WordTables<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>

export type { MessageKey }
