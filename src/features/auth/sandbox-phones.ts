/**
 * The H5 sandbox sheet's quick picks and phone check. The demo accounts mirror server/src/dev/demo/demo-users.ts
 * (tests/component/pages/login-sandbox-sheet.test.tsx keeps them equal); the check mirrors the WeChat emulator's, so a
 * typo is explained in the sheet instead of becoming a failed login.
 */
export interface DemoPhone {
  phone: string
  name: string
  merchant: string
  enabled: boolean
}

export const DEMO_PHONES: readonly DemoPhone[] = [
  { phone: '13800138000', name: '张敏', merchant: '140105', enabled: true },
  { phone: '13900139000', name: '李伟', merchant: '140105', enabled: true },
  { phone: '13700137000', name: '王芳', merchant: '140105', enabled: false },
  { phone: '13600136000', name: 'Chen Jie', merchant: '150207', enabled: true },
]

const MAINLAND = /^(?:\+86[ -]?)?1[3-9]\d{9}$/
const INTERNATIONAL = /^\+[1-9]\d{0,2}[ -]\d{4,14}$/

/** A mainland mobile number, or "+<country code> <number>" (the separator keeps the country code unambiguous). */
export function isSandboxPhone(raw: string): boolean {
  const phone = raw.trim()
  return MAINLAND.test(phone) || INTERNATIONAL.test(phone)
}
