import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ApiClientError, fetchMessage, isApiClientError } from '@/api'
import { PageState } from '@/components/page-state'
import { useRemote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import { ROUTES } from '@/routes'
import { usePreferences } from '@/stores/preferences'
import { formatBeijing } from '@/utils/dates'
import { formatMoney } from '@/utils/money'
import { DeadlineCountdown } from '@/components/deadline-countdown'
import type { MessageDetail, MorningSummary } from '@contract/messages'
import { KIND_LABEL } from './kinds'
import { ADVICE, messageTitle, reasonText } from './wording'
import { refreshUnreadCounts, useUnreadStore } from './unread-badge'
import './messages.scss'

/** Opening a message marks it read on the server (GET /api/messages/:id); the list and the badge follow. */
async function openMessage(id: string): Promise<MessageDetail> {
  if (id === '') throw new ApiClientError({ kind: 'validation', code: 'NOT_FOUND', status: 404, message: 'no message id' })
  const detail = await fetchMessage(id)
  useUnreadStore.getState().markOpened(id)
  refreshUnreadCounts().catch(() => undefined)
  return detail
}

/**
 * The message page in the layout of the list (wording.ts): kind and time; what happened to which order; then the
 * order, payment (tap → transaction detail), amount, reason and deadline, each once, and what to do. An
 * announcement shows its title and text in the reader's language; a deadline reminder also how long is left now
 * and a way to the case (its transaction's detail, where the case is shown); a morning summary its figures.
 */
export function MessageDetailView({ id }: { id: string }) {
  const t = useT()
  const locale = usePreferences((state) => state.locale)
  const remote = useRemote(() => openMessage(id), [id])

  if (remote.status === 'error' && isApiClientError(remote.error) && remote.error.code === 'NOT_FOUND') {
    return (
      <View className='card message-detail__missing' data-testid='message-not-found'>
        <Text className='note'>{t('messages.detail.notFound')}</Text>
        <Button className='message-detail__back' size='mini' onClick={() => void Taro.navigateBack()}>
          {t('messages.detail.back')}
        </Button>
      </View>
    )
  }

  const message = remote.data
  const paymentId = message?.paymentId ?? null
  const orderNumber = message?.orderNumber ?? null
  const openTransaction = (paymentId: string) =>
    void Taro.navigateTo({ url: `${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(paymentId)}` })

  return (
    <PageState status={remote.status} error={remote.error} onRetry={() => void remote.reload()}>
      {message === undefined ? null : (
        <View className='message-detail' data-testid='message-detail'>
          <View className='card'>
            <View className='message-detail__head'>
              <Text className={`message-row__tag message-row__tag--${message.kind}`}>{t(KIND_LABEL[message.kind])}</Text>
              <Text className='message-row__time'>{formatBeijing(message.createdAt)}</Text>
            </View>
            <Text className='message-detail__title' data-testid='message-detail-title'>
              {messageTitle(message, t, locale)}
            </Text>
            {message.kind === 'announcement' ? (
              <Text className='message-detail__body'>{message.body?.[locale] ?? ''}</Text>
            ) : message.kind === 'summary' ? (
              <SummaryFigures summary={message.summary} />
            ) : (
              <View data-testid='message-detail-facts'>
                {message.amount !== null ? <Fact label={t('messages.amount')} value={formatMoney(message.amount)} testId='message-amount' /> : null}
                {reasonText(message) !== null ? <Fact label={t('messages.reason')} value={reasonText(message) ?? ''} /> : null}
                {message.deadlineAt !== null ? (
                  <Fact label={t('messages.deadline')} value={formatBeijing(message.deadlineAt)} testId='message-deadline' />
                ) : null}
                {message.kind === 'reminder' && message.deadlineAt !== null ? (
                  <View className='row'>
                    <Text className='row__label'>{t('deadline.left')}</Text>
                    <DeadlineCountdown deadlineAt={message.deadlineAt} testId='message-countdown' />
                  </View>
                ) : null}
                <Text className='message-detail__advice'>{t(ADVICE[message.kind])}</Text>
                {message.kind === 'reminder' && paymentId !== null ? (
                  <Button className='message-detail__open-case' size='mini' data-testid='message-open-case' onClick={() => openTransaction(paymentId)}>
                    {t('messages.reminder.openCase')}
                  </Button>
                ) : null}
              </View>
            )}
          </View>
          {paymentId !== null || orderNumber !== null ? (
            <View className='card'>
              <View className='card__title'>{t('messages.detail.related')}</View>
              {paymentId !== null ? (
                <View className='row' data-testid='message-payment-id' onClick={() => openTransaction(paymentId)}>
                  <Text className='row__label'>{t('messages.paymentId')}</Text>
                  <Text className='row__value link'>{`${paymentId} ›`}</Text>
                </View>
              ) : null}
              {orderNumber !== null ? (
                <View className='row'>
                  <Text className='row__label'>{t('messages.orderNumber')}</Text>
                  <Text className='row__value'>{orderNumber}</Text>
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      )}
    </PageState>
  )
}

/** The morning summary's figures, each on its row; the amounts one line per currency. */
function SummaryFigures({ summary }: { summary: MorningSummary | null }) {
  const t = useT()
  if (summary === null) return null
  return (
    <View data-testid='message-summary'>
      <Fact label={t('messages.summary.success')} value={t('messages.summary.successCount', { count: summary.successCount })} testId='summary-success-count' />
      <View className='row' data-testid='summary-amounts'>
        <Text className='row__label'>{t('messages.summary.amounts')}</Text>
        <View className='message-detail__amounts'>
          {summary.successAmounts.length === 0 ? (
            <Text className='row__value'>{t('messages.summary.noAmounts')}</Text>
          ) : (
            summary.successAmounts.map((amount) => (
              <Text key={amount.currency} className='row__value'>
                {formatMoney(amount)}
              </Text>
            ))
          )}
        </View>
      </View>
      <Fact label={t('messages.summary.newCases')} value={String(summary.newCases)} testId='summary-new-cases' />
      <Fact label={t('messages.summary.expiring')} value={String(summary.expiringAuthorizations)} testId='summary-expiring' />
      <Fact label={t('messages.summary.deadlines')} value={String(summary.deadlinesWithin72h)} testId='summary-deadlines' />
    </View>
  )
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='row' data-testid={testId}>
      <Text className='row__label'>{label}</Text>
      <Text className='row__value'>{value}</Text>
    </View>
  )
}
