/**
 * The login page opened with an invitation (issue 15): from the mini-program code (scene 'i=<token>', URL-encoded
 * by WeChat) or the URL link (?invitation=<token>) it says whose invitation it is and which phone to pick, and sends
 * the token with the login; a used or expired one is said so and not sent, and the login works either way.
 */
import { act, render, screen } from '@testing-library/react'
import type { ComponentProps } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { InvitationPreview } from '@contract/invitations'
import LoginPage from '@/pages/login/index'
import { forgetOpenedInvitation } from '@/features/auth/invitation'
import { usePreferences } from '@/stores/preferences'
import { useSession } from '@/stores/session'
import { demoLogin } from '../../fixtures/login'

const mocks = vi.hoisted(() => ({
  login: vi.fn(),
  fetchInvitation: vi.fn(),
  wxLogin: vi.fn(),
  params: {} as Record<string, string>,
}))

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  login: mocks.login,
  fetchInvitation: mocks.fetchInvitation,
}))

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
const TOKEN = 'AbCdEfGhIjKlMnOpQrSt'
const VALID: InvitationPreview = { state: 'valid', merchantName: '海洋示范贸易有限公司', merchantAccount: '140105', username: '张敏', maskedPhone: '138****8000' }
const NOTHING = { merchantName: null, merchantAccount: null, username: null, maskedPhone: null }

function sharePhone() {
  const button = screen.getByTestId('login-one-tap') as HTMLButtonElement
  act(() => button.ongetphonenumber?.(new CustomEvent('getphonenumber', { detail: { code: 'phone-code', errMsg: 'getPhoneNumber:ok' } })))
}

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

beforeEach(() => {
  mocks.login.mockReset().mockResolvedValue(LOGIN)
  mocks.fetchInvitation.mockReset()
  mocks.wxLogin.mockReset().mockResolvedValue({ code: 'wx-login-code', errMsg: 'login:ok' })
  mocks.params = {}
  // The app keeps the invitation it was opened with for its run (a reLaunch to login drops the query).
  forgetOpenedInvitation()
  usePreferences.setState({ locale: 'zh-CN' })
  useSession.getState().signOut()
})

describe('login page with an invitation', () => {
  it('reads the scene WeChat passes, says whose invitation it is and which phone to pick, and sends it with the login', async () => {
    mocks.params = { scene: encodeURIComponent(`i=${TOKEN}`) }
    mocks.fetchInvitation.mockResolvedValue(VALID)
    render(<LoginPage />)
    await settle()
    expect(mocks.fetchInvitation).toHaveBeenCalledWith(`i=${TOKEN}`)
    const note = screen.getByTestId('login-invitation').textContent
    expect(note).toContain('海洋示范贸易有限公司')
    expect(note).toContain('140105')
    expect(screen.getByTestId('login-invitation-phone').textContent).toContain('138****8000')
    sharePhone()
    await settle()
    expect(mocks.login).toHaveBeenCalledWith({ loginCode: 'wx-login-code', phoneCode: 'phone-code', invitation: TOKEN })
  })

  it('says a used invitation is used, does not send it, and logs in as usual (English, from a URL link)', async () => {
    usePreferences.setState({ locale: 'en-US' })
    mocks.params = { invitation: TOKEN }
    mocks.fetchInvitation.mockResolvedValue({ state: 'used', ...NOTHING })
    render(<LoginPage />)
    await settle()
    expect(screen.getByTestId('login-invitation').textContent).toContain('has been used')
    sharePhone()
    await settle()
    expect(mocks.login).toHaveBeenCalledWith({ loginCode: 'wx-login-code', phoneCode: 'phone-code' })
  })

  it('keeps the invitation when the login page is opened again without it (a reLaunch drops the query)', async () => {
    mocks.params = { scene: encodeURIComponent(`i=${TOKEN}`) }
    mocks.fetchInvitation.mockResolvedValue(VALID)
    const first = render(<LoginPage />)
    await settle()
    first.unmount()
    mocks.params = {}
    render(<LoginPage />)
    await settle()
    expect(screen.getByTestId('login-invitation').textContent).toContain('140105')
  })

  it('ignores a scene that is not an invitation or is over 32 characters', async () => {
    mocks.params = { scene: encodeURIComponent(`i=${'a'.repeat(31)}`) }
    render(<LoginPage />)
    await settle()
    expect(mocks.fetchInvitation).not.toHaveBeenCalled()
    expect(screen.queryByTestId('login-invitation')).toBeNull()
  })
})
