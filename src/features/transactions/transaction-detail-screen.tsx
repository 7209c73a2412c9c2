/**
 * 交易详情: every field of a transaction, grouped in cards (basic, amounts, settlement, logistics, cases).
 * Order number and payment ID copy on tap; a payment ID that is not the merchant's reads as "not found".
 */
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fetchTransaction, isApiClientError } from '@/api'
import { PageState } from '@/components/page-state'
import { DeadlineCountdown } from '@/components/deadline-countdown'
import { TransactionActions } from './actions/transaction-actions'
import { useRemote } from '@/hooks/use-remote'
import { countryLabel, reasonLabel } from '@/i18n/reference-labels'
import type { MessageKey } from '@/i18n/translate'
import { useT } from '@/hooks/use-t'
import { formatBeijing } from '@/utils/dates'
import { formatMoney, isNegative } from '@/utils/money'
import type { Money } from '@contract/money'
import type { TransactionCase, TransactionDetail } from '@contract/transactions'
import {
  authStatusKey,
  caseKey,
  deliveryKey,
  refundKey,
  settlementKey,
  statusKey,
  txnTypeKey,
  type Translate,
} from './labels'
import './transaction-detail.scss'

const NONE = '—'

export function TransactionDetailScreen({ paymentId }: { paymentId: string | undefined }) {
  const t = useT()
  const remote = useRemote(
    () => (paymentId === undefined || paymentId === '' ? Promise.reject(notFound()) : fetchTransaction(paymentId)),
    [paymentId],
  )
  const missing = remote.status === 'error' && isNotFound(remote.error)
  if (missing) {
    return (
      <View className='page'>
        <View className='card txd-missing' data-testid='txd-not-found'>
          <Text className='txd-missing__title'>{t('txd.notFound.title')}</Text>
          <Text className='note'>{t('txd.notFound.hint')}</Text>
          {paymentId ? <Text className='txd-missing__id'>{paymentId}</Text> : null}
        </View>
      </View>
    )
  }
  return (
    <View className='page txd'>
      <PageState status={remote.status} error={remote.error} onRetry={() => void remote.reload()}>
        {remote.data ? <DetailCards detail={remote.data} t={t} /> : null}
        {remote.data ? <TransactionActions detail={remote.data} onChanged={() => void remote.reload()} /> : null}
      </PageState>
    </View>
  )
}

function DetailCards({ detail: d, t }: { detail: TransactionDetail; t: Translate }) {
  const copy = (text: string) => () => {
    Taro.setClipboardData({ data: text })
      .then(() => Taro.showToast({ title: t('txd.copied'), icon: 'success' }))
      .catch(() => undefined)
  }
  const card = [d.cardBrand, d.cardMasked].filter((part): part is string => part !== null && part !== '').join(' ')
  return (
    <View>
      {/* A payment with a case is opened for the case (a to-do, a message): it comes first, open ones on top. */}
      {d.cases.length > 0 ? (
        <Section title={t('txd.section.cases')} testId='txd-cases'>
          {casesFirst(d.cases).map((item) => (
            <CaseBlock key={item.id} item={item} t={t} />
          ))}
        </Section>
      ) : null}
      <Section title={t('txd.section.basic')} testId='txd-basic'>
        <Row label={t('txd.orderNumber')} value={d.orderNumber} onTap={copy(d.orderNumber)} hint={t('txd.tapToCopy')} testId='txd-order' />
        <Row label={t('txd.paymentId')} value={d.paymentId} onTap={copy(d.paymentId)} hint={t('txd.tapToCopy')} testId='txd-payment-id' />
        <Row label={t('txd.terminal')} value={d.terminal} />
        <Row label={t('txd.website')} value={d.website} />
        <Row label={t('txd.paymentMethod')} value={d.paymentMethod} />
        <Row label={t('txd.card')} value={card} />
        <Row label={t('txd.cardCountry')} value={d.cardCountry === null ? null : countryLabel(t, d.cardCountry)} />
        <Row label={t('txd.txnType')} value={t(txnTypeKey(d.txnType))} />
        <Row label={t('txd.status')} value={t(statusKey(d.status))} tone={d.status} />
        <Row label={t('txd.authStatus')} value={d.authStatus === null ? null : t(authStatusKey(d.authStatus))} />
        <Row label={t('txd.refundStatus')} value={t(refundKey(d.refundStatus))} />
        <Row label={t('txd.paymentTime')} value={formatBeijing(d.paymentTime)} />
        <Row label={t('txd.bookedAt')} value={formatBeijing(d.bookedAt)} testId='txd-booked-at' />
        <Row label={t('txd.updatedAt')} value={formatBeijing(d.updatedAt)} />
        {d.status === 'failure' || d.failureReason !== null ? (
          <Row label={t('txd.failureReason')} value={reasonLabel(t, d.failureCode, d.failureReason)} tone='failure' />
        ) : null}
      </Section>
      <Section title={t('txd.section.amounts')} testId='txd-amounts'>
        <MoneyRow label={t('txd.amount')} money={d.amount} />
        <MoneyRow label={t('txd.bookingAmount')} money={d.bookingAmount} />
        <MoneyRow label={t('txd.fee')} money={d.fee} />
        <MoneyRow label={t('txd.deposit')} money={d.deposit} />
        <MoneyRow label={t('txd.refunded')} money={d.refunded} />
        <MoneyRow label={t('txd.refundable')} money={d.refundable} />
      </Section>
      <Section title={t('txd.section.settlement')} testId='txd-settlement'>
        <Row label={t('txd.fundsStatus')} value={t(settlementKey(d.fundsStatus))} />
        <Row label={t('txd.fundsBatchNo')} value={d.fundsBatchNo} />
        <Row label={t('txd.depositStatus')} value={t(settlementKey(d.depositStatus))} />
        <Row label={t('txd.depositBatchNo')} value={d.depositBatchNo} />
        <Row label={t('txd.settlementTime')} value={formatBeijing(d.settlementTime)} />
      </Section>
      <Section title={t('txd.section.logistics')} testId='txd-logistics'>
        <Row label={t('txd.trackingNumber')} value={d.trackingNumber} />
        <Row label={t('txd.trackingSite')} value={d.trackingSite} />
        <Row label={t('txd.deliveryStatus')} value={t(deliveryKey(d.deliveryStatus))} />
      </Section>
      {d.cases.length === 0 ? (
        <Section title={t('txd.section.cases')} testId='txd-cases'>
          <Text className='note'>{t('txd.noCases')}</Text>
        </Section>
      ) : null}
    </View>
  )
}

function CaseBlock({ item, t }: { item: TransactionCase; t: Translate }) {
  const statusLabel: MessageKey = item.status === 'open' ? 'txd.case.status.open' : 'txd.case.status.handled'
  const reason = reasonLabel(t, item.reasonCode, item.reason)
  return (
    <View className='txd-case' data-testid={`txd-case-${item.id}`}>
      <Row label={t('txd.case.kind')} value={t(caseKey(item.kind))} />
      <Row label={t('txd.case.status')} value={t(statusLabel)} tone={item.status === 'open' ? 'pending' : undefined} />
      <Row label={t('txd.case.reason')} value={reason} />
      <MoneyRow label={t('txd.case.amount')} money={item.amount} />
      <Row
        label={t('txd.case.deadline')}
        value={formatBeijing(item.deadlineAt)}
        tone={item.status === 'open' && item.deadlineAt !== null ? 'pending' : undefined}
        testId={`txd-case-${item.id}-deadline`}
      />
      {item.status === 'open' && item.deadlineAt !== null ? (
        <View className='row' data-testid={`txd-left-${item.id}`}>
          <Text className='row__label txd-label'>{t('deadline.left')}</Text>
          <View className='txd-value'>
            <DeadlineCountdown deadlineAt={item.deadlineAt} testId={`txd-countdown-${item.id}`} />
          </View>
        </View>
      ) : null}
      <Row label={t('txd.case.openedAt')} value={formatBeijing(item.openedAt)} />
      <Row label={t('txd.case.handledAt')} value={formatBeijing(item.handledAt)} />
    </View>
  )
}

/** Open cases before handled ones, each group newest first (the server's order). */
function casesFirst(cases: readonly TransactionCase[]): TransactionCase[] {
  return [...cases.filter((c) => c.status === 'open'), ...cases.filter((c) => c.status !== 'open')]
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <View className='card' data-testid={testId}>
      <View className='card__title'>{title}</View>
      {children}
    </View>
  )
}

interface RowProps {
  label: string
  value: string | null
  tone?: 'success' | 'failure' | 'pending'
  onTap?: () => void
  hint?: string
  testId?: string
}

function Row({ label, value, tone, onTap, hint, testId }: RowProps) {
  const shown = value === null || value === '' ? NONE : value
  return (
    <View className='row' onClick={onTap} data-testid={testId}>
      <Text className='row__label txd-label'>{label}</Text>
      <View className='txd-value'>
        <Text className={`row__value txd-value__text${tone ? ` txd-tone--${tone}` : ''}`}>{shown}</Text>
        {onTap && hint ? <Text className='txd-value__hint'>{hint}</Text> : null}
      </View>
    </View>
  )
}

function MoneyRow({ label, money }: { label: string; money: Money }) {
  return <Row label={label} value={formatMoney(money)} tone={isNegative(money) ? 'failure' : undefined} />
}

function notFound(): Error {
  return Object.assign(new Error('no payment ID'), { code: 'NOT_FOUND' })
}

function isNotFound(error: unknown): boolean {
  if (isApiClientError(error)) return error.code === 'NOT_FOUND'
  return error instanceof Error && (error as Error & { code?: string }).code === 'NOT_FOUND'
}
