/**
 * The login page (weapp flavour: WeChat's getPhoneNumber button + Taro.login) in jsdom: what the user sees
 * before, during and after a login, every refusal's message in both languages, and the merchant choice.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { ComponentProps } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import { ApiClientError } from '@/api'
import LoginPage from '@/pages/login/index'
import { usePreferences } from '@/stores/preferences'
import { SESSION_STORAGE_KEY, useSession } from '@/stores/session'
import Taro from '../taro-mock'
import { demoLogin } from '../../fixtures/login'

const mocks = vi.hoisted(() => ({
  login: vi.fn(),
  wxLogin: vi.fn(),
  params: {} as Record<string, string>,
}))

vi.mock('@/api', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api')>()), login: mocks.login }))

// Taro's login and the router's params are not in the shared mock; added here for this page only.
vi.mock('@tarojs/taro', async (importOriginal) => {
  const original = await importOriginal<typeof import('../taro-mock')>()
  return {
    ...original,
    default: Object.assign(original.default, { login: mocks.wxLogin, getCurrentPages: vi.fn(() => []) }),
    useRouter: () => ({ params: mocks.params, path: '/pages/login/index' }),
  }
})

// The shared Button stand-in keeps only tap props; the login needs WeChat's getphonenumber event and the busy state.
vi.mock('@tarojs/components', async (importOriginal) => {
  const original = await importOriginal<typeof import('../components-mock')>()
  const Button = (props: ComponentProps<typeof original.Button> & {
    disabled?: boolean
    loading?: boolean
    onGetPhoneNumber?: (event: { detail: { code?: string; errMsg: string } }) => void
  }) => (
    <button
      type='button'
      className={props.className}
      data-testid={props['data-testid']}
      data-open-type={props.openType}
      data-loading={props.loading ? 'true' : 'false'}
      disabled={props.disabled}
      onClick={props.onClick}
      // A test fires a custom "getphonenumber" DOM event whose detail is WeChat's.
      ref={(node) => {
        if (node === null || props.onGetPhoneNumber === undefined) return
        const handler = props.onGetPhoneNumber
        node.ongetphonenumber = (event: Event) => handler({ detail: (event as CustomEvent).detail })
      }}
    >
      {props.children}
    </button>
  )
  return { ...original, Button }
})

declare global {
  interface HTMLButtonElement {
    ongetphonenumber?: (event: Event) => void
  }
}

const LOGIN: LoginResponse = demoLogin()

function sharePhone(testId: string, detail: { code?: string; errMsg: string }) {
  const button = screen.getByTestId(testId) as HTMLButtonElement
  act(() => button.ongetphonenumber?.(new CustomEvent('getphonenumber', { detail })))
}

const granted = (code: string) => ({ code, errMsg: 'getPhoneNumber:ok' })
const apiError = (status: number, code: string, extra: Partial<ConstructorParameters<typeof ApiClientError>[0]> = {}) => {
  const kind = status === 429 ? 'rate-limited' : status >= 500 ? 'server' : 'validation'
  return new ApiClientError({ kind, code: code as ApiClientError['code'], status, message: code, ...extra })
}

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

beforeEach(() => {
  mocks.login.mockReset()
  mocks.wxLogin.mockReset()
  mocks.wxLogin.mockResolvedValue({ code: 'wx-login-code', errMsg: 'login:ok' })
  mocks.params = {}
  useSession.getState().signOut()
})

describe('login page', () => {
  it('shows the brand, the one-tap WeChat phone button, the 管理号码 hint and the ten-minute note', () => {
    render(<LoginPage />)
    expect(screen.getByText('Oceanpayment 商户助手')).toBeTruthy()
    const button = screen.getByTestId('login-one-tap')
    expect(button.textContent).toBe('手机号一键登录')
    expect(button.getAttribute('data-open-type')).toBe('getPhoneNumber')
    expect(document.body.textContent).toContain('「管理号码」')
    expect(document.body.textContent).toContain('10 分钟')
    expect(screen.queryByTestId('login-message')).toBeNull()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '登录' })
  })

  it('is in English when the user chose English', () => {
    usePreferences.setState({ locale: 'en-US' })
    render(<LoginPage />)
    expect(screen.getByTestId('login-one-tap').textContent).toBe('Log in with my phone number')
    expect(document.body.textContent).toContain('Manage numbers')
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'Log in' })
  })

  it('a tap with a phone code: Taro.login, the login call, busy meanwhile, then the session and the home tab', async () => {
    let finish: (value: LoginResponse) => void = () => undefined
    mocks.login.mockReturnValue(new Promise<LoginResponse>((resolve) => (finish = resolve)))
    render(<LoginPage />)
    sharePhone('login-one-tap', granted('phone-code-1'))
    await settle()

    expect(mocks.wxLogin).toHaveBeenCalledTimes(1)
    expect(mocks.login).toHaveBeenCalledWith({ loginCode: 'wx-login-code', phoneCode: 'phone-code-1' })
    const button = screen.getByTestId('login-one-tap') as HTMLButtonElement
    expect(button.disabled).toBe(true)
    expect(button.getAttribute('data-loading')).toBe('true')
    expect(button.textContent).toBe('正在登录…')

    finish(LOGIN)
    await settle()
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
    expect(useSession.getState().token).toBe(LOGIN.token)
    expect(String(Taro.getStorageSync(SESSION_STORAGE_KEY))).toContain(LOGIN.signingKey)
  })

  it('declined, or WeChat has no phone (no code in the event): says so, and nothing is called', async () => {
    render(<LoginPage />)
    sharePhone('login-one-tap', { errMsg: 'getPhoneNumber:fail user deny' })
    await settle()
    expect(screen.getByTestId('login-message').textContent).toContain('未获取到手机号')
    expect(mocks.wxLogin).not.toHaveBeenCalled()
    expect(mocks.login).not.toHaveBeenCalled()
  })

  it.each([
    ['PHONE_NOT_BOUND', apiError(403, 'PHONE_NOT_BOUND'), ['未绑定已启用', '联系贵司管理员', '「管理号码」']],
    ['WECHAT_CODE_INVALID', apiError(400, 'WECHAT_CODE_INVALID'), ['凭证已失效', '重新点击登录']],
    ['rate limit with Retry-After', apiError(429, 'TOO_MANY_REQUESTS', { retryAfterSeconds: 95 }), ['过于频繁', '2 分钟后']],
    ['rate limit', apiError(429, 'TOO_MANY_REQUESTS'), ['过于频繁', '稍后再试']],
    ['network', new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'x' }), ['网络连接失败']],
    ['WeChat down (502)', apiError(502, 'WECHAT_UNAVAILABLE'), ['暂时不可用']],
    ['server (500)', apiError(500, 'INTERNAL'), ['暂时不可用']],
  ])('%s → a clear message, and the button works again', async (_name, error, texts) => {
    mocks.login.mockRejectedValue(error)
    render(<LoginPage />)
    sharePhone('login-one-tap', granted('phone-code-2'))
    await settle()
    const message = screen.getByTestId('login-message').textContent ?? ''
    for (const text of texts) expect(message).toContain(text)
    expect((screen.getByTestId('login-one-tap') as HTMLButtonElement).disabled).toBe(false)
    expect(Taro.switchTab).not.toHaveBeenCalled()
    expect(useSession.getState().isSignedIn()).toBe(false)
  })

  it('PHONE_NOT_BOUND in English names the administrator and Manage numbers', async () => {
    usePreferences.setState({ locale: 'en-US' })
    mocks.login.mockRejectedValue(apiError(403, 'PHONE_NOT_BOUND'))
    render(<LoginPage />)
    sharePhone('login-one-tap', granted('phone-code-3'))
    await settle()
    const message = screen.getByTestId('login-message').textContent ?? ''
    expect(message).toContain('not bound to an enabled account')
    expect(message).toContain('administrator')
    expect(message).toContain('Manage numbers')
  })

  it('Taro.login failing → "no WeChat login code", and the server is not called', async () => {
    mocks.wxLogin.mockRejectedValue({ errMsg: 'login:fail' })
    render(<LoginPage />)
    sharePhone('login-one-tap', granted('phone-code-4'))
    await settle()
    expect(screen.getByTestId('login-message').textContent).toContain('无法获取微信登录凭证')
    expect(mocks.login).not.toHaveBeenCalled()
  })

  it('a phone at several merchants: pick one, and the login is redone with fresh codes and that merchant', async () => {
    const merchants = [
      { account: '140105', name: '海洋示范贸易有限公司' },
      { account: '150207', name: 'Harbour Outdoor Goods Ltd.' },
    ]
    mocks.login.mockRejectedValueOnce(apiError(409, 'CONFLICT', { merchants })).mockResolvedValueOnce(LOGIN)
    render(<LoginPage />)
    sharePhone('login-one-tap', granted('phone-code-5'))
    await settle()

    expect(screen.getByTestId('login-pick').textContent).toContain('选择登录的商户')
    expect(screen.getByTestId('login-merchant-150207').textContent).toBe('Harbour Outdoor Goods Ltd.商户号 150207')
    expect(screen.queryByTestId('login-one-tap')).toBeNull()

    mocks.wxLogin.mockResolvedValue({ code: 'wx-login-code-2', errMsg: 'login:ok' })
    sharePhone('login-merchant-150207', granted('phone-code-6'))
    await settle()
    expect(mocks.login).toHaveBeenLastCalledWith({ loginCode: 'wx-login-code-2', phoneCode: 'phone-code-6', merchantAccount: '150207' })
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  it('the merchant choice has a way back to the one-tap button', async () => {
    mocks.login.mockRejectedValue(apiError(409, 'CONFLICT', { merchants: [{ account: '140105', name: 'A' }, { account: '150207', name: 'B' }] }))
    render(<LoginPage />)
    sharePhone('login-one-tap', granted('phone-code-7'))
    await settle()
    fireEvent.click(screen.getByTestId('login-pick-back'))
    expect(screen.getByTestId('login-one-tap')).toBeTruthy()
  })

  it('sent here because the session expired: says so until the next attempt', async () => {
    mocks.params = { reason: 'expired' }
    mocks.login.mockRejectedValue(apiError(403, 'PHONE_NOT_BOUND'))
    render(<LoginPage />)
    expect(screen.getByTestId('login-expired').textContent).toContain('10 分钟')
    sharePhone('login-one-tap', granted('phone-code-8'))
    await settle()
    expect(screen.queryByTestId('login-expired')).toBeNull()
  })

  it('opened with a live session: goes straight to home', () => {
    useSession.getState().signIn(LOGIN)
    render(<LoginPage />)
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  it('a second tap while a login is under way does not start another', async () => {
    mocks.login.mockReturnValue(new Promise(() => undefined))
    render(<LoginPage />)
    sharePhone('login-one-tap', granted('phone-code-9'))
    sharePhone('login-one-tap', granted('phone-code-10'))
    await settle()
    expect(mocks.login).toHaveBeenCalledTimes(1)
  })
})
