/**
 * The one-tap login button of the H5 build, where there is no WeChat: the tap opens the sandbox phone sheet
 * (standing in for WeChat's phone dialog), and the WeChat emulator's dev endpoints mint the two codes that
 * wx.login and the dialog would give on a phone. The login itself is then exactly the weapp one.
 * Same props as one-tap-button.tsx (Taro picks this file for `TARO_ENV=h5`).
 */
import { useState } from 'react'
import { Button } from '@tarojs/components'
import { sandboxLoginCode, sandboxPhoneCode } from '@/api'
import { sandboxDevice } from '@/api/sandbox-device'
import type { OneTapButtonProps } from './one-tap-button'
import { SandboxPhoneSheet } from './sandbox-phone-sheet'

/** The number last confirmed, offered again (WeChat also remembers it) when the merchant choice reopens the sheet. */
let lastPhone = ''

export function OneTapButton({ label, busy, className, testId, onCodes, onDeclined }: OneTapButtonProps) {
  const [open, setOpen] = useState(false)
  const confirm = (phone: string) => {
    lastPhone = phone
    setOpen(false)
    onCodes(async () => {
      const [login, phoneCode] = await Promise.all([sandboxLoginCode(sandboxDevice()), sandboxPhoneCode(phone)])
      return { loginCode: login.code, phoneCode: phoneCode.code }
    })
  }
  const cancel = () => {
    setOpen(false)
    onDeclined()
  }
  return (
    <>
      {/* No `loading` here: H5's Button inserts its spinner before the label React is replacing in the same
          render ("Failed to execute 'insertBefore'" on every login); the busy label says it instead. */}
      <Button className={className} disabled={busy || undefined} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      {open ? <SandboxPhoneSheet initialPhone={lastPhone} onConfirm={confirm} onCancel={cancel} /> : null}
    </>
  )
}
