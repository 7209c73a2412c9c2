/**
 * 消息提醒 (features/subscriptions): the settings show each topic's grants and switch, "allow more" asks WeChat for
 * at most 3 askable templates and reports WeChat's answer with getSetting's kept choices; the prompt offers only
 * topics with no grant left, never a rejected one, once per screen visit.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SubscriptionsResponse, SubscriptionTopicState } from '@contract/subscriptions'
import { subscriptionsApi } from '@/features/subscriptions/api'
import { SubscribePrompt } from '@/features/subscriptions/subscribe-prompt'
import { SubscriptionSettings } from '@/features/subscriptions/subscription-settings'
import { usePreferences } from '@/stores/preferences'

vi.mock('@/features/subscriptions/api', () => ({
  subscriptionsApi: { fetchSubscriptions: vi.fn(), reportGrants: vi.fn(), setTopic: vi.fn() },
}))

const topic = (overrides: Partial<SubscriptionTopicState> & Pick<SubscriptionTopicState, 'topic'>): SubscriptionTopicState => ({
  templateId: `T-${overrides.topic}`,
  remaining: 0,
  enabled: true,
  keptChoice: null,
  ...overrides,
})

const STATE: SubscriptionsResponse = {
  topics: [
    topic({ topic: 'chargeback', remaining: 2 }),
    topic({ topic: 'fraud', remaining: 0, keptChoice: 'reject' }),
    topic({ topic: 'retrieval', remaining: 0 }),
    topic({ topic: 'refund', remaining: 1 }),
  ],
}

const api = vi.mocked(subscriptionsApi)

beforeEach(() => {
  api.fetchSubscriptions.mockReset().mockResolvedValue(STATE)
  api.reportGrants.mockReset()
  api.setTopic.mockReset()
  usePreferences.setState({ locale: 'zh-CN' })
})

describe('subscription settings', () => {
  it('shows each topic with the grants left, the kept choice and its switch', async () => {
    render(<SubscriptionSettings onClose={() => undefined} />)
    expect((await screen.findByTestId('subs-remaining-chargeback')).textContent).toBe('剩余 2 次')
    expect(screen.getByTestId('subs-topic-fraud').textContent).toContain('已在微信中设为不再接收')
    expect((screen.getByTestId('subs-switch-refund') as HTMLInputElement).checked).toBe(true)
  })

  it('allows more: asks WeChat for the askable topics, fewest grants first, and reports results and kept choices', async () => {
    vi.mocked(Taro.requestSubscribeMessage).mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'T-retrieval': 'accept',
      'T-refund': 'reject',
      'T-chargeback': 'accept',
    })
    vi.mocked(Taro.getSetting).mockResolvedValueOnce({
      errMsg: 'getSetting:ok',
      subscriptionsSetting: { mainSwitch: true, itemSettings: { 'T-chargeback': 'accept', 'T-other': 'reject' } },
    } as never)
    api.reportGrants.mockResolvedValue({ topics: STATE.topics.map((item) => (item.topic === 'retrieval' ? { ...item, remaining: 1 } : item)) })
    render(<SubscriptionSettings onClose={() => undefined} />)
    fireEvent.click(await screen.findByTestId('subs-allow-more'))
    await waitFor(() => expect(api.reportGrants).toHaveBeenCalled())
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-retrieval', 'T-refund', 'T-chargeback'] })
    expect(api.reportGrants).toHaveBeenCalledWith({
      results: { 'T-retrieval': 'accept', 'T-refund': 'reject', 'T-chargeback': 'accept' },
      keptChoices: { 'T-chargeback': 'accept' },
    })
    await waitFor(() => expect(screen.getByTestId('subs-remaining-retrieval').textContent).toBe('剩余 1 次'))
  })

  it('reports nothing when the user closes WeChat’s sheet', async () => {
    render(<SubscriptionSettings onClose={() => undefined} />)
    fireEvent.click(await screen.findByTestId('subs-allow-more'))
    await waitFor(() => expect(Taro.requestSubscribeMessage).toHaveBeenCalled())
    expect(api.reportGrants).not.toHaveBeenCalled()
  })

  it('switches a topic off on the server', async () => {
    api.setTopic.mockResolvedValue({ topics: STATE.topics.map((item) => (item.topic === 'refund' ? { ...item, enabled: false } : item)) })
    render(<SubscriptionSettings onClose={() => undefined} />)
    fireEvent.click(await screen.findByTestId('subs-switch-refund'))
    await waitFor(() => expect(api.setTopic).toHaveBeenCalledWith('refund', { enabled: false }))
    await waitFor(() => expect((screen.getByTestId('subs-switch-refund') as HTMLInputElement).checked).toBe(false))
  })

  it('speaks English', async () => {
    await act(async () => usePreferences.setState({ locale: 'en-US' }))
    render(<SubscriptionSettings onClose={() => undefined} />)
    expect((await screen.findByTestId('subs-remaining-chargeback')).textContent).toBe('2 left')
    expect(screen.getByTestId('subs-topic-fraud').textContent).toContain('Turned off in WeChat')
    expect(screen.getByTestId('subs-allow-more').textContent).toBe('Allow more notices')
  })
})

describe('subscribe prompt', () => {
  it('offers only the topics with no grant left, never one turned off for always, and hides once answered', async () => {
    vi.mocked(Taro.requestSubscribeMessage).mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-retrieval': 'accept' })
    api.reportGrants.mockResolvedValue(STATE)
    render(<SubscribePrompt topics={['chargeback', 'fraud', 'retrieval']} />)
    const prompt = await screen.findByTestId('subscribe-prompt')
    expect(prompt.textContent).toContain('调单通知')
    expect(prompt.textContent).not.toContain('欺诈预警')
    expect(prompt.textContent).not.toContain('拒付通知')
    fireEvent.click(screen.getByTestId('subscribe-prompt-allow'))
    expect(screen.queryByTestId('subscribe-prompt')).toBeNull()
    await waitFor(() => expect(api.reportGrants).toHaveBeenCalledWith({ results: { 'T-retrieval': 'accept' }, keptChoices: {} }))
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-retrieval'] })
  })

  it('is not shown when every topic of the screen has grants or was refused for always, and goes when dismissed', async () => {
    const { unmount } = render(<SubscribePrompt topics={['chargeback', 'fraud']} />)
    await waitFor(() => expect(api.fetchSubscriptions).toHaveBeenCalled())
    expect(screen.queryByTestId('subscribe-prompt')).toBeNull()
    unmount()
    render(<SubscribePrompt topics={['retrieval']} />)
    fireEvent.click(await screen.findByTestId('subscribe-prompt-dismiss'))
    expect(screen.queryByTestId('subscribe-prompt')).toBeNull()
  })
})
