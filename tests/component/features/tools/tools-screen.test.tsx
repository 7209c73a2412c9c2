/** 工具: each tool only with its permission; inputs checked as the server checks them before any call. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MeResponse } from '@contract/me'
import { ApiClientError, fetchMe } from '@/api'
import { ToolsScreen } from '@/features/tools/tools-screen'
import { usePreferences } from '@/stores/preferences'

vi.mock('@/api', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api')>()), fetchMe: vi.fn() }))

const me = vi.mocked(fetchMe)
const meWith = (permissions: string[]) => ({ permissions, terminals: [] }) as unknown as MeResponse
const endpoints = () => ({
  lookupOrders: vi.fn(),
  checkCardBins: vi.fn(),
  checkSiteHealth: vi.fn(),
})

beforeEach(() => {
  usePreferences.setState({ locale: 'zh-CN' })
  me.mockReset()
})

describe('tools', () => {
  it('shows only the tools the account may use', async () => {
    me.mockResolvedValue(meWith(['card-bin']))
    render(<ToolsScreen endpoints={endpoints()} />)
    await screen.findByTestId('tools-bins')
    expect(screen.queryByTestId('tools-orders')).toBeNull()
    expect(screen.queryByTestId('tools-health')).toBeNull()
  })

  it('says so when the account may use none', async () => {
    me.mockResolvedValue(meWith(['refund']))
    render(<ToolsScreen endpoints={endpoints()} />)
    expect((await screen.findByTestId('tools-none')).textContent).toBe('您的账号没有使用工具的权限，请联系 ODPM 管理员开通')
  })

  it('looks up order numbers, one per line or comma-separated, and refuses 101', async () => {
    me.mockResolvedValue(meWith(['order-query']))
    const api = endpoints()
    api.lookupOrders.mockResolvedValue({
      orders: [
        { orderNumber: 'OD1', paymentId: '2611', amount: { currency: 'USD', amount: '12.50' }, status: 'success', details: '00000:Approved' },
        { orderNumber: 'OD2', paymentId: null, amount: null, status: 'not-found', details: null },
      ],
    })
    render(<ToolsScreen endpoints={api} />)
    const input = await screen.findByTestId('tools-orders-input')
    fireEvent.change(input, { target: { value: Array.from({ length: 101 }, (_, i) => `OD${i}`).join('\n') } })
    fireEvent.click(screen.getByTestId('tools-orders-submit'))
    expect(screen.getByTestId('tools-orders-problem').textContent).toBe('一次最多 100 个，当前 101 个')
    expect(api.lookupOrders).not.toHaveBeenCalled()
    fireEvent.change(input, { target: { value: ' OD1 ,OD2\n\nOD1' } })
    fireEvent.click(screen.getByTestId('tools-orders-submit'))
    await screen.findByTestId('tools-order-OD1')
    expect(api.lookupOrders).toHaveBeenCalledWith({ orderNumbers: ['OD1', 'OD2'] })
    expect(screen.getByTestId('tools-order-OD1').textContent).toContain('USD 12.50')
    expect(screen.getByTestId('tools-order-OD2').textContent).toContain('未找到')
  })

  it('checks BINs are six digits before sending', async () => {
    me.mockResolvedValue(meWith(['card-bin']))
    const api = endpoints()
    api.checkCardBins.mockResolvedValue({ bins: [{ bin: '411111', brand: 'Visa', type: 'credit', level: 'classic', country: 'US', issuer: 'Bank' }] })
    render(<ToolsScreen endpoints={api} />)
    const input = await screen.findByTestId('tools-bins-input')
    fireEvent.change(input, { target: { value: '411111, 12345x' } })
    fireEvent.click(screen.getByTestId('tools-bins-submit'))
    expect(screen.getByTestId('tools-bins-problem').textContent).toBe('卡 BIN 须为 6 位数字：12345x')
    fireEvent.change(input, { target: { value: '411111' } })
    fireEvent.click(screen.getByTestId('tools-bins-submit'))
    expect((await screen.findByTestId('tools-bin-411111')).textContent).toContain('Visa')
  })

  it('health check: a bare domain only; a failed call shows its code', async () => {
    usePreferences.setState({ locale: 'en-US' })
    me.mockResolvedValue(meWith(['health-check']))
    const api = endpoints()
    api.checkSiteHealth.mockRejectedValue(new ApiClientError({ kind: 'server', code: 'SERVICE_UNAVAILABLE', status: 502, message: 'x' }))
    render(<ToolsScreen endpoints={api} />)
    const input = await screen.findByTestId('tools-health-input')
    fireEvent.change(input, { target: { value: 'https://shop.example.com/' } })
    fireEvent.click(screen.getByTestId('tools-health-submit'))
    expect(screen.getByTestId('tools-health-problem').textContent).toBe('Enter the domain only, without https:// or a path')
    fireEvent.change(input, { target: { value: 'shop.example.com' } })
    fireEvent.click(screen.getByTestId('tools-health-submit'))
    await waitFor(() => expect(screen.getByTestId('tools-health-error').textContent).toBe('The lookup failed (SERVICE_UNAVAILABLE); try again later'))
    expect(api.checkSiteHealth).toHaveBeenCalledWith({ site: 'shop.example.com' })
  })
})
