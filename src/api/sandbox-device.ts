/**
 * H5 only: this browser's made-up WeChat "device", kept in its storage. The emulator derives one openid from it, so
 * the same browser is the same WeChat user at every login — which is what lets the grants its subscribe sheet gives
 * reach the account that logged in here (docs/wechat-emulator.md).
 */
import Taro from '@tarojs/taro'

const KEY = 'sandbox-wechat-device'

export function sandboxDevice(): string {
  const kept: unknown = Taro.getStorageSync(KEY)
  if (typeof kept === 'string' && /^[A-Za-z0-9_-]{8,128}$/.test(kept)) return kept
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  const device = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  Taro.setStorageSync(KEY, device)
  return device
}
