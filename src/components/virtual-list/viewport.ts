/**
 * Screen facts the virtual list needs, in px: the viewport height and how many px one design px (750-wide
 * design, the unit of our scss) is on this device. Weapp renders rpx, i.e. windowWidth/750 px; H5 renders rem
 * with Taro's root font size, which is clamped between 20 and 40 px (so between 0.5 and 1 px per design px).
 */
import Taro from '@tarojs/taro'

export interface Viewport {
  width: number
  height: number
}

const FALLBACK: Viewport = { width: 375, height: 667 }

export function readViewport(): Viewport {
  try {
    const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()
    const width = Number(info.windowWidth)
    const height = Number(info.windowHeight)
    return width > 0 && height > 0 ? { width, height } : FALLBACK
  } catch {
    return FALLBACK
  }
}

export function pxPerDesignPx(windowWidth: number): number {
  const ratio = windowWidth / 750
  return process.env.TARO_ENV === 'h5' ? Math.min(1, Math.max(0.5, ratio)) : ratio
}
