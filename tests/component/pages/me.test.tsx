import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionProfile } from '@contract/auth'
import type { MeResponse } from '@contract/me'
import { ApiClientError, fetchMe } from '@/api'
import { logOutAndLeave } from '@/features/auth/app-session'
import MePage from '@/pages/me'
import { useSession } from '@/stores/session'

vi.mock('@/api', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api')>()), fetchMe: vi.fn() }))
vi.mock('@/features/auth/app-session', () => ({ logOutAndLeave: vi.fn(() => Promise.resolve()) }))

const CARD = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

const ME: MeResponse = {
  merchantName: '深圳市示例贸易有限公司',
  merchantNo: '140105',
  userId: 'u1',
  username: '张敏',
  position: '财务主管',
  maskedPhone: '138****8000',
  permissions: [],
  terminals: ['14010501', '14010588'],
  accountManager: { name: '商昭', phone: '13612340105', email: 'shangzhao@oceanpayment.com.cn', wecomId: 'shangzhao-oceanpayment', cardImage: CARD },
}

const PROFILE: SessionProfile = {
  userId: 'u1',
  username: '张敏',
  position: '财务主管',
  phone: '138****8000',
  merchantAccount: '140105',
  merchantName: '深圳市示例贸易有限公司',
  permissions: [],
}

const me = vi.mocked(fetchMe)

beforeEach(() => {
  me.mockReset()
  me.mockResolvedValue(ME)
  vi.mocked(logOutAndLeave).mockClear()
  useSession.setState({ profile: PROFILE })
})

async function renderLoaded() {
  render(<MePage />)
  await screen.findByTestId('wecom-card')
}

describe('me page', () => {
  it('offers 工具 only to an account holding a tool permission', async () => {
    await renderLoaded()
    expect(screen.queryByTestId('me-tools')).toBeNull()
    cleanup()
    me.mockResolvedValue({ ...ME, permissions: ['refund', 'card-bin'] })
    await renderLoaded()
    fireEvent.click(screen.getByTestId('me-tools'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/tools/index/index' })
  })

  it('shows the account: main account name, account number, user name with position, masked phone', async () => {
    await renderLoaded()
    const account = screen.getByTestId('me-account').textContent ?? ''
    for (const text of ['主账号名称', '深圳市示例贸易有限公司', '账户号', '140105', '用户名', '张敏', '财务主管', '手机号码', '138****8000']) {
      expect(account).toContain(text)
    }
    expect(account).not.toContain('13800138000')
  })

  it('shows the account from the login profile before /api/me answers', () => {
    me.mockReturnValue(new Promise(() => undefined))
    render(<MePage />)
    expect(screen.getByTestId('me-account').textContent).toContain('深圳市示例贸易有限公司')
    // Only the manager part waits for the network.
    expect(screen.getByTestId('state-loading')).toBeTruthy()
    expect(screen.getByTestId('service-phone')).toBeTruthy()
  })

  it("shows the account manager with a tap-to-call phone and the WeCom card's QR image", async () => {
    await renderLoaded()
    expect(screen.getByText('商昭', { selector: '.row__value' })).toBeTruthy()
    fireEvent.click(screen.getByTestId('manager-phone'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13612340105' })
    const card = screen.getByTestId('wecom-card')
    expect(card.textContent).toContain('深圳市钱海网络技术有限公司')
    expect(card.textContent).toContain('长按识别二维码添加企业微信')
    expect((screen.getByTestId('wecom-card-image') as HTMLImageElement).getAttribute('src')).toBe(CARD)
  })

  it('says so when no manager is assigned', async () => {
    me.mockResolvedValue({ ...ME, accountManager: null })
    render(<MePage />)
    await screen.findByText('暂未分配客户经理')
    expect(screen.queryByTestId('wecom-card')).toBeNull()
  })

  it('explains a failed load of /api/me and retries, keeping customer service usable', async () => {
    me.mockReset()
    me.mockRejectedValueOnce(new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' })).mockResolvedValueOnce(ME)
    render(<MePage />)
    await screen.findByTestId('state-error')
    fireEvent.click(screen.getByTestId('service-phone'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4006290296' })
    fireEvent.click(screen.getByTestId('state-retry'))
    await screen.findByTestId('wecom-card')
  })

  it('shows a loading state for the account when there is no profile yet', () => {
    useSession.setState({ profile: null })
    me.mockReturnValue(new Promise(() => undefined))
    render(<MePage />)
    expect(screen.queryByTestId('me-account')).toBeNull()
    expect(screen.getAllByTestId('state-loading').length).toBeGreaterThan(0)
  })

  it('calls customer service with a dialable number', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('service-phone'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4006290296' })
  })

  it('copies the customer service email and confirms', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('service-email'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'cs@oceanpayment.com.cn' })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已复制', icon: 'success' }))
  })

  it("shows the account manager's e-mail, as the seed's contact card does, and copies it (issue 11 item 14)", async () => {
    await renderLoaded()
    expect(screen.getByTestId('manager-email').textContent).toBe('客户经理邮箱shangzhao@oceanpayment.com.cn')
    fireEvent.click(screen.getByTestId('manager-email'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'shangzhao@oceanpayment.com.cn' })
  })

  it('shows no e-mail row for a manager without one on record', async () => {
    me.mockResolvedValue({ ...ME, accountManager: { ...ME.accountManager!, email: null } })
    await renderLoaded()
    expect(screen.queryByTestId('manager-email')).toBeNull()
    expect(screen.getByTestId('manager-phone')).toBeTruthy()
  })

  it('says account information changes only on ODPM, and opens and closes the security settings', async () => {
    await renderLoaded()
    expect(screen.getByText('如需修改/绑定信息，请登录 PC 端 ODPM 数字化平台')).toBeTruthy()
    expect(screen.queryByTestId('security-sheet')).toBeNull()
    fireEvent.click(screen.getByTestId('security-settings'))
    const sheet = screen.getByTestId('security-sheet').textContent ?? ''
    expect(sheet).toContain('微信绑定的手机号一键登录')
    expect(sheet).toContain('10 分钟')
    expect(sheet).toContain('ODPM 管理员')
    fireEvent.click(screen.getByTestId('security-close'))
    expect(screen.queryByTestId('security-sheet')).toBeNull()
  })

  it('logs out after the user confirms', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('logout'))
    await waitFor(() => expect(logOutAndLeave).toHaveBeenCalledTimes(1))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出登录', confirmText: '退出', cancelText: '取消' }))
  })

  it('stays logged in when the user cancels', async () => {
    vi.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    await renderLoaded()
    fireEvent.click(screen.getByTestId('logout'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    await act(async () => undefined)
    expect(logOutAndLeave).not.toHaveBeenCalled()
  })

  it('switches the whole page and the tab bar to English, and remembers the choice', async () => {
    await renderLoaded()
    expect(screen.getByText('联系客服')).toBeTruthy()
    fireEvent.click(screen.getByTestId('locale-en-US'))
    expect(screen.getByText('Customer service')).toBeTruthy()
    expect(screen.getByText('Main account name')).toBeTruthy()
    expect(screen.getByText('Long-press the QR code to add on WeCom')).toBeTruthy()
    expect(screen.getByText('Log out')).toBeTruthy()
    expect(screen.queryByText('联系客服')).toBeNull()
    expect(Taro.setTabBarItem).toHaveBeenCalledWith({ index: 0, text: 'Home' })
    expect(Taro.setTabBarItem).toHaveBeenCalledWith({ index: 2, text: 'Me' })
    expect(String(Taro.getStorageSync('op-preferences'))).toContain('en-US')
  })
})

describe('page titles', () => {
  it('follow the chosen language', async () => {
    await renderLoaded()
    expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '我的' })
    fireEvent.click(screen.getByTestId('locale-en-US'))
    expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: 'Me' })
  })
})
