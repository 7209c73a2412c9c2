/**
 * The H5 flavour of the login (one-tap-button.h5.tsx, which Taro picks for TARO_ENV=h5): the one-tap button
 * opens the sandbox phone sheet; allowing mints both codes at the WeChat emulator and logs in exactly like weapp;
 * denying is the "declined" message. The demo quick picks are the server's demo users.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import { ApiClientError } from '@/api'
import LoginPage from '@/pages/login/index'
import { DEMO_PHONES, isSandboxPhone } from '@/features/auth/sandbox-phones'
import { useSession } from '@/stores/session'
import { DEMO_USERS } from '../../../server/src/dev/demo/demo-users'
import Taro from '../taro-mock'
import { demoLogin } from '../../fixtures/login'

const mocks = vi.hoisted(() => ({
  login: vi.fn(),
  sandboxLoginCode: vi.fn(),
  sandboxPhoneCode: vi.fn(),
  wxLogin: vi.fn(),
}))

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  login: mocks.login,
  sandboxLoginCode: mocks.sandboxLoginCode,
  sandboxPhoneCode: mocks.sandboxPhoneCode,
}))

// What Taro's per-platform resolution does in the H5 build.
vi.mock('@/features/auth/one-tap-button', () => import('@/features/auth/one-tap-button.h5'))

vi.mock('@tarojs/taro', async (importOriginal) => {
  const original = await importOriginal<typeof import('../taro-mock')>()
  return {
    ...original,
    default: Object.assign(original.default, { login: mocks.wxLogin, getCurrentPages: vi.fn(() => []) }),
  }
})

const LOGIN: LoginResponse = demoLogin()

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

function type(value: string) {
  fireEvent.change(screen.getByTestId('sandbox-phone-input'), { target: { value } })
}

beforeEach(() => {
  for (const mock of Object.values(mocks)) mock.mockReset()
  mocks.sandboxLoginCode.mockResolvedValue({ code: 'sandbox-login-1', expiresIn: 300 })
  mocks.sandboxPhoneCode.mockImplementation((phone: string) => Promise.resolve({ code: `sandbox-phone-${phone}`, expiresIn: 300 }))
  useSession.getState().signOut()
})

describe('H5 sandbox phone sheet', () => {
  it('the one-tap button opens a sheet clearly marked as the WeChat sandbox, with the demo numbers', () => {
    render(<LoginPage />)
    expect(screen.queryByTestId('sandbox-sheet')).toBeNull()
    fireEvent.click(screen.getByTestId('login-one-tap'))
    const sheet = screen.getByTestId('sandbox-sheet')
    expect(sheet.textContent).toContain('微信沙箱 · 手机号快捷登录')
    expect(sheet.textContent).toContain('SANDBOX')
    for (const demo of DEMO_PHONES) expect(screen.getByTestId(`sandbox-demo-${demo.phone}`).textContent).toContain(demo.phone)
    expect(screen.getByTestId('sandbox-demo-13700137000').textContent).toContain('已停用')
  })

  it('allow: mints both codes at the emulator, then logs in and opens home, exactly like weapp', async () => {
    mocks.login.mockResolvedValue(LOGIN)
    render(<LoginPage />)
    fireEvent.click(screen.getByTestId('login-one-tap'))
    type('13800138000')
    fireEvent.click(screen.getByTestId('sandbox-phone-confirm'))
    await settle()
    expect(screen.queryByTestId('sandbox-sheet')).toBeNull()
    expect(mocks.sandboxLoginCode).toHaveBeenCalledTimes(1)
    expect(mocks.sandboxPhoneCode).toHaveBeenCalledWith('13800138000')
    expect(mocks.login).toHaveBeenCalledWith({ loginCode: 'sandbox-login-1', phoneCode: 'sandbox-phone-13800138000' })
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
    // No WeChat in a browser: wx.login is never asked.
    expect(mocks.wxLogin).not.toHaveBeenCalled()
  })

  it('a demo quick pick fills the number', async () => {
    mocks.login.mockResolvedValue(LOGIN)
    render(<LoginPage />)
    fireEvent.click(screen.getByTestId('login-one-tap'))
    fireEvent.click(screen.getByTestId('sandbox-demo-13600136000'))
    expect((screen.getByTestId('sandbox-phone-input') as HTMLInputElement).value).toBe('13600136000')
    fireEvent.click(screen.getByTestId('sandbox-phone-confirm'))
    await settle()
    expect(mocks.sandboxPhoneCode).toHaveBeenCalledWith('13600136000')
  })

  it('deny: the sheet closes with the same "declined" message as on a phone; nothing is called', async () => {
    render(<LoginPage />)
    fireEvent.click(screen.getByTestId('login-one-tap'))
    fireEvent.click(screen.getByTestId('sandbox-phone-cancel'))
    await settle()
    expect(screen.queryByTestId('sandbox-sheet')).toBeNull()
    expect(screen.getByTestId('login-message').textContent).toContain('未获取到手机号')
    expect(mocks.sandboxLoginCode).not.toHaveBeenCalled()
    expect(mocks.login).not.toHaveBeenCalled()
  })

  it('a number the emulator would refuse is explained in the sheet, which stays open', () => {
    render(<LoginPage />)
    fireEvent.click(screen.getByTestId('login-one-tap'))
    type('1234')
    fireEvent.click(screen.getByTestId('sandbox-phone-confirm'))
    expect(screen.getByTestId('sandbox-phone-invalid').textContent).toContain('11 位')
    expect(mocks.sandboxPhoneCode).not.toHaveBeenCalled()
    type('13800138000')
    expect(screen.queryByTestId('sandbox-phone-invalid')).toBeNull()
  })

  it('a disabled account is refused with the PHONE_NOT_BOUND message', async () => {
    mocks.login.mockRejectedValue(new ApiClientError({ kind: 'validation', code: 'PHONE_NOT_BOUND', status: 403, message: 'x' }))
    render(<LoginPage />)
    fireEvent.click(screen.getByTestId('login-one-tap'))
    type('13700137000')
    fireEvent.click(screen.getByTestId('sandbox-phone-confirm'))
    await settle()
    expect(screen.getByTestId('login-message').textContent).toContain('「管理号码」')
  })

  it('the merchant choice reopens the sheet with the number already filled, and logs in to the pick', async () => {
    mocks.login
      .mockRejectedValueOnce(
        new ApiClientError({
          kind: 'validation',
          code: 'CONFLICT',
          status: 409,
          message: 'x',
          merchants: [
            { account: '140105', name: 'A' },
            { account: '150207', name: 'B' },
          ],
        }),
      )
      .mockResolvedValueOnce(LOGIN)
    render(<LoginPage />)
    fireEvent.click(screen.getByTestId('login-one-tap'))
    type('13500135000')
    fireEvent.click(screen.getByTestId('sandbox-phone-confirm'))
    await settle()
    fireEvent.click(screen.getByTestId('login-merchant-150207'))
    expect((screen.getByTestId('sandbox-phone-input') as HTMLInputElement).value).toBe('13500135000')
    fireEvent.click(screen.getByTestId('sandbox-phone-confirm'))
    await settle()
    expect(mocks.sandboxLoginCode).toHaveBeenCalledTimes(2)
    expect(mocks.login).toHaveBeenLastCalledWith({
      loginCode: 'sandbox-login-1',
      phoneCode: 'sandbox-phone-13500135000',
      merchantAccount: '150207',
    })
  })
})

describe('sandbox phones', () => {
  it('the quick picks are the server demo users', () => {
    expect(DEMO_PHONES.map(({ phone, name, merchant, enabled }) => ({ phone, name, merchant, enabled }))).toEqual(
      DEMO_USERS.map((user) => ({ phone: user.phone, name: user.username, merchant: user.merchant, enabled: user.enabled })),
    )
  })

  it.each([
    ['13800138000', true],
    ['+86 13800138000', true],
    ['+852 61234567', true],
    ['+85261234567', false],
    ['12800138000', false],
    ['1380013800', false],
    ['', false],
  ])('%s is a number the emulator accepts: %s', (phone, ok) => {
    expect(isSandboxPhone(phone)).toBe(ok)
  })
})
