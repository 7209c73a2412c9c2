/**
 * The one-tap login button of the weapp build: WeChat's phone dialog (`openType="getPhoneNumber"`), then
 * Taro.login() for the login code. The H5 build resolves one-tap-button.h5.tsx instead (Taro's per-platform
 * files), so the sandbox sheet never reaches the weapp bundle and this file never reaches H5.
 */
import type { ReactNode } from 'react'
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { WechatLoginError } from './login-messages'
import type { CodesSource } from './use-login'

export interface OneTapButtonProps {
  label: ReactNode
  busy: boolean
  className?: string
  testId: string
  /** The user shared the phone: a source of fresh codes for this attempt. */
  onCodes: (codes: CodesSource) => void
  onDeclined: () => void
}

interface PhoneNumberEvent {
  detail: { code?: string; errMsg?: string }
}

async function wechatLoginCode(): Promise<string> {
  try {
    const { code } = await Taro.login()
    if (typeof code !== 'string' || code === '') throw new WechatLoginError('no code')
    return code
  } catch (error) {
    throw error instanceof WechatLoginError ? error : new WechatLoginError(String((error as { errMsg?: string })?.errMsg ?? error))
  }
}

export function OneTapButton({ label, busy, className, testId, onCodes, onDeclined }: OneTapButtonProps) {
  const onGetPhoneNumber = (event: PhoneNumberEvent) => {
    const phoneCode = event.detail.code
    // No code: the user tapped "deny", or WeChat has no phone number (errMsg says which; the advice is the same).
    if (typeof phoneCode !== 'string' || phoneCode === '') {
      onDeclined()
      return
    }
    onCodes(async () => ({ loginCode: await wechatLoginCode(), phoneCode }))
  }
  return (
    <Button
      className={className}
      openType='getPhoneNumber'
      onGetPhoneNumber={onGetPhoneNumber}
      // Only when busy: Taro's H5 button reflects disabled={false} as a [disabled] attribute and fades itself.
      loading={busy || undefined}
      disabled={busy || undefined}
      data-testid={testId}
    >
      {label}
    </Button>
  )
}
