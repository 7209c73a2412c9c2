/**
 * A synchronous Zustand `persist` storage over Taro's storage API. Synchronous on purpose: the persisted state is
 * in memory before the first render, so a page never flashes the wrong session or language.
 */
import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

export const taroStorage: StateStorage = {
  getItem(name) {
    const value: unknown = Taro.getStorageSync(name)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem(name, value) {
    Taro.setStorageSync(name, value)
  },
  removeItem(name) {
    Taro.removeStorageSync(name)
  },
}
