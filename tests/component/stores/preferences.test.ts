import Taro from '@tarojs/taro'
import { describe, expect, it } from 'vitest'
import { usePreferences } from '@/stores/preferences'

describe('preferences store', () => {
  it('restores the stored language synchronously from Taro storage', async () => {
    Taro.setStorageSync('op-preferences', JSON.stringify({ state: { locale: 'en-US' }, version: 1 }))
    await usePreferences.persist.rehydrate()
    expect(usePreferences.getState().locale).toBe('en-US')
  })

  it('falls back to Chinese when an older version stored an unknown language', async () => {
    Taro.setStorageSync('op-preferences', JSON.stringify({ state: { locale: 'fr-FR' }, version: 0 }))
    await usePreferences.persist.rehydrate()
    expect(usePreferences.getState().locale).toBe('zh-CN')
  })

  it('persists only the language', () => {
    usePreferences.getState().setLocale('en-US')
    const stored = JSON.parse(String(Taro.getStorageSync('op-preferences'))) as { state: Record<string, unknown> }
    expect(stored.state).toEqual({ locale: 'en-US' })
  })
})
