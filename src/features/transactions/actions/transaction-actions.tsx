/**
 * The actions card of the transaction detail: exactly the buttons `GET /api/transactions/:id/actions/available`
 * allows for this account and this payment's state (refund, capture, void, tracking), each opening its sheet; and
 * the payment's 操作记录. After an action that went through (or is under way) the page reloads; after a refusal
 * nothing on screen changes.
 */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRemote } from '@/hooks/use-remote'
import { useWords } from '@/hooks/use-words'
import { ACTION_WORDS } from '@/i18n/features/actions'
import { formatBeijing } from '@/utils/dates'
import { formatMoney } from '@/utils/money'
import type { AvailableActions, MoneyAction } from '@contract/actions'
import type { TransactionDetail } from '@contract/transactions'
import { actionsApi } from './api'
import { daysLeftText } from './outcome'
import { MoneyActionSheet, type MoneyActionOffer } from './money-action-sheet'
import { TrackingSheet } from './tracking-sheet'
import './transaction-actions.scss'

type Open = MoneyAction | 'tracking' | null

/** The offers the available-actions answer makes, in button order. */
export function moneyOffers(available: AvailableActions, detail: Pick<TransactionDetail, 'paymentId' | 'orderNumber' | 'amount'>): MoneyActionOffer[] {
  const base = { paymentId: detail.paymentId, orderNumber: detail.orderNumber }
  const offers: MoneyActionOffer[] = []
  if (available.refund !== null) offers.push({ ...base, kind: 'refund', max: available.refund.max })
  if (available.capture !== null) offers.push({ ...base, kind: 'capture', max: available.capture.max, daysLeft: available.capture.daysLeft })
  if (available.void !== null) offers.push({ ...base, kind: 'void', max: available.capture?.max ?? detail.amount, daysLeft: available.void.daysLeft })
  return offers
}

export interface TransactionActionsProps {
  detail: TransactionDetail
  /** The action went through or is under way: the detail reloads its figures. */
  onChanged: () => void
}

export function TransactionActions({ detail, onChanged }: TransactionActionsProps) {
  const w = useWords(ACTION_WORDS)
  const available = useRemote(() => actionsApi.fetchAvailableActions(detail.paymentId), [detail.paymentId])
  const history = useRemote(() => actionsApi.fetchPaymentActions(detail.paymentId), [detail.paymentId])
  const [open, setOpen] = useState<Open>(null)
  // After an action the offers are stale (less left to refund, an authorization no longer pending): no button
  // shows until the server has said again what is allowed.
  const [refreshing, setRefreshing] = useState(false)
  const offers = available.data === undefined || refreshing ? [] : moneyOffers(available.data, detail)
  const tracking = available.data?.tracking === true && !refreshing

  const close = (changed: boolean) => {
    setOpen(null)
    // The attempt is in the log whatever its result; the figures change only when it went through.
    void history.reload()
    if (!changed) return
    setRefreshing(true)
    void available.reload().finally(() => setRefreshing(false))
    onChanged()
  }
  const offer = offers.find((candidate) => candidate.kind === open)

  return (
    <View>
      {offers.length > 0 || tracking ? (
        <View className='card txa' data-testid='txd-actions'>
          <View className='card__title'>{w('actions.section')}</View>
          <View className='txa__buttons'>
            {offers.map((candidate) => (
              <Button
                key={candidate.kind}
                className={`txa__button txa__button--${candidate.kind}`}
                onClick={() => setOpen(candidate.kind)}
                data-testid={`txd-action-${candidate.kind}`}
              >
                {w(`actions.kind.${candidate.kind}`)}
              </Button>
            ))}
            {tracking ? (
              <Button className='txa__button' onClick={() => setOpen('tracking')} data-testid='txd-action-tracking'>
                {w('actions.kind.tracking')}
              </Button>
            ) : null}
          </View>
          {available.data?.capture?.daysLeft !== undefined && available.data.capture !== null ? (
            <Text className='note txa__days' data-testid='txd-action-days-left'>
              {daysLeftText(w, available.data.capture.daysLeft)}
            </Text>
          ) : null}
        </View>
      ) : null}

      {history.data !== undefined ? (
        <View className='card' data-testid='txd-action-history'>
          <View className='card__title'>{w('actions.history.title')}</View>
          {history.data.items.length === 0 ? <Text className='note'>{w('actions.history.empty')}</Text> : null}
          {history.data.items.map((item) => (
            <View key={item.id} className='txa-log' data-testid={`txd-action-log-${item.id}`}>
              <View className='txa-log__line'>
                <Text className='txa-log__kind'>{w(`actions.kind.${item.kind}`)}</Text>
                <Text className={`txa-log__status txa-log__status--${item.status}`}>{w(`actions.status.${item.status}`)}</Text>
              </View>
              {item.amount !== null ? <Text className='txa-log__amount money-text'>{formatMoney(item.amount)}</Text> : null}
              <Text className='txa-log__meta'>{w('actions.history.by', { name: item.actor.username, phone: item.actor.maskedPhone })}</Text>
              <Text className='txa-log__meta fits-whole'>{formatBeijing(item.createdAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {offer !== undefined ? <MoneyActionSheet offer={offer} onClose={close} /> : null}
      {open === 'tracking' ? (
        <TrackingSheet
          paymentId={detail.paymentId}
          orderNumber={detail.orderNumber}
          current={{ trackingNumber: detail.trackingNumber, trackingSite: detail.trackingSite }}
          onClose={close}
        />
      ) : null}
    </View>
  )
}
