/**
 * One row of the transactions list. Its outer box is exactly ROW_HEIGHT design px tall whatever the content
 * (long texts are cut with an ellipsis), because the virtual list positions rows by arithmetic.
 */
import { memo, type ReactNode } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { DeadlineCountdownAt } from '@/components/deadline-countdown'
import { useT } from '@/hooks/use-t'
import { useWords } from '@/hooks/use-words'
import { ACTION_WORDS } from '@/i18n/features/actions'
import { formatBeijing, formatBeijingDate } from '@/utils/dates'
import { formatMoney, isNegative } from '@/utils/money'
import type { TransactionCase, TransactionListItem } from '@contract/transactions'
import { authStatusKey, caseKey, statusKey, txnTypeKey, type Translate } from './labels'

/** Must equal `.tx-row { height }` in transactions.scss. */
export const ROW_HEIGHT = 216
/** A row with an action line (to-do buttons or a tracking number field): `.tx-row--tall`. */
export const TALL_ROW_HEIGHT = 288

/** What a to-do list's row offers straight away (the permission and the list decide; the server decides again). */
export type RowAction = 'capture' | 'void' | 'refund'

/** The quick tracking entry's field on a row of the "tracking missing" list. */
export interface RowTrackingEntry {
  value: string
  onChange: (paymentId: string, value: string) => void
  /** weapp only: scan the number with the camera (hidden on H5). */
  onScan?: (paymentId: string) => void
}

export interface TransactionRowProps {
  item: TransactionListItem
  onOpen: (paymentId: string) => void
  actions?: readonly RowAction[]
  onAction?: (item: TransactionListItem, action: RowAction) => void
  entry?: RowTrackingEntry
  /** TALL_ROW_HEIGHT: the list has an action line on its rows (kept, empty, on a row without one). */
  tall?: boolean
  /**
   * The list's shared minute clock (useMinuteClock) an open case's countdown counts from; without it the time left
   * is counted at render. Rows never run a timer of their own: a list of 1,000 would start 1,000.
   */
  nowMs?: number
}

export const TransactionRow = memo(function TransactionRow({ item, onOpen, actions, onAction, entry, tall = false, nowMs }: TransactionRowProps) {
  const t = useT()
  const method = [item.paymentMethod, item.cardBrand, item.txnType === 'authorization' ? t(txnTypeKey('authorization')) : null]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ')
  const extra =
    entry !== undefined ? (
      <TrackingEntryLine item={item} entry={entry} />
    ) : actions !== undefined && actions.length > 0 && onAction !== undefined ? (
      <ActionLine item={item} actions={actions} onAction={onAction} />
    ) : tall ? (
      <View className='tx-row__actions' />
    ) : null
  if (item.case !== undefined) return <CaseRow item={item} found={item.case} method={method} onOpen={onOpen} t={t} extra={extra} nowMs={nowMs} />
  // A pre-authorization waiting for capture is what the merchant must act on: show that rather than "success".
  const awaiting = item.authStatus === 'pending'
  const chip = awaiting ? t(authStatusKey('pending')) : t(statusKey(item.status))
  const tone = awaiting ? 'pending' : item.status
  return (
    <View className={`tx-row${extra !== null ? ' tx-row--tall' : ''}`} data-testid={`tx-row-${item.paymentId}`} onClick={() => onOpen(item.paymentId)}>
      <View className='tx-row__line'>
        <Text className='tx-row__method'>{method}</Text>
        <Text className={`tx-chip tx-chip--${tone}`}>{chip}</Text>
      </View>
      {/* One Text per line: every node of a row is multiplied by the rows in the window (WXML node budget). */}
      {item.authorizationExpiry !== undefined ? (
        // A pending pre-authorization says when it expires, beside the terminal (the action line has no room at 320 px).
        <View className='tx-row__line tx-row__line--detail'>
          <Text className='tx-row__detail'>{`${t('tx.row.terminal')}  ${item.terminal}`}</Text>
          <ExpiryText item={item} days={item.authorizationExpiry.daysLeft} />
        </View>
      ) : (
        <Text className='tx-row__detail'>{`${t('tx.row.terminal')}  ${item.terminal}`}</Text>
      )}
      <Text className='tx-row__detail'>{`${t('tx.row.orderNumber')}  ${item.orderNumber}`}</Text>
      <View className='tx-row__line'>
        <Text className={`tx-row__amount${isNegative(item.amount) ? ' tx-row__amount--negative' : ''}`}>
          {formatMoney(item.amount)}
        </Text>
        <Text className='tx-row__time'>{formatBeijing(item.paymentTime)}</Text>
      </View>
      {extra}
    </View>
  )
})

function ExpiryText({ item, days }: { item: TransactionListItem; days: number }) {
  const w = useWords(ACTION_WORDS)
  return (
    <Text className={`tx-row__expiry${days <= 1 ? ' tx-row__expiry--urgent' : ''}`} data-testid={`tx-row-${item.paymentId}-expiry`}>
      {days < 0 ? w('actions.row.expired', { days: -days }) : days === 0 ? w('actions.row.today') : w('actions.row.daysLeft', { days })}
    </Text>
  )
}

/** A tap on a row's button or field acts there; it must not also open the detail. */
const stop = (event: { stopPropagation?: () => void }) => event.stopPropagation?.()

function ActionLine({ item, actions, onAction }: { item: TransactionListItem; actions: readonly RowAction[]; onAction: NonNullable<TransactionRowProps['onAction']> }) {
  const w = useWords(ACTION_WORDS)
  return (
    <View className='tx-row__actions' onClick={stop}>
      {actions.map((action) => (
        <Button
          key={action}
          className={`tx-row__action tx-row__action--${action}`}
          size='mini'
          onClick={(event) => {
            stop(event)
            onAction(item, action)
          }}
          data-testid={`tx-row-${item.paymentId}-${action}`}
        >
          {w(`actions.kind.${action}`)}
        </Button>
      ))}
    </View>
  )
}

function TrackingEntryLine({ item, entry }: { item: TransactionListItem; entry: RowTrackingEntry }) {
  const w = useWords(ACTION_WORDS)
  return (
    <View className='tx-row__actions' onClick={stop}>
      <Input
        className='tx-row__entry'
        value={entry.value}
        maxlength={200}
        placeholder={w('actions.tracking.number')}
        onInput={(event) => entry.onChange(item.paymentId, event.detail.value)}
        data-testid={`tx-row-${item.paymentId}-tracking`}
      />
      {entry.onScan !== undefined ? (
        <Button
          className='tx-row__action'
          size='mini'
          onClick={(event) => {
            stop(event)
            entry.onScan?.(item.paymentId)
          }}
          data-testid={`tx-row-${item.paymentId}-scan`}
        >
          {w('actions.tracking.scan')}
        </Button>
      ) : null}
    </View>
  )
}

interface CaseRowProps {
  item: TransactionListItem
  found: TransactionCase
  method: string
  onOpen: (paymentId: string) => void
  t: Translate
  extra: ReactNode
  nowMs: number | undefined
}

/**
 * A row of a case list (chargebacks, fraud, retrievals, disputes from the to-dos): the case, not the payment's
 * "成功" — its kind and state, its reason as the notice gave it, the order, the amount it concerns and by when to
 * answer — an open one's as the time left (the countdown of issue 15), a handled one's as its date. Same lines and
 * height as a payment row.
 */
function CaseRow({ item, found, method, onOpen, t, extra, nowMs }: CaseRowProps) {
  const state = t(found.status === 'open' ? 'txd.case.status.open' : 'txd.case.status.handled')
  const reason = [found.reasonCode, found.reason].filter((part): part is string => part !== null && part !== '').join(' ')
  return (
    <View className={`tx-row${extra !== null ? ' tx-row--tall' : ''}`} data-testid={`tx-row-${item.paymentId}`} onClick={() => onOpen(item.paymentId)}>
      <View className='tx-row__line'>
        <Text className='tx-row__method'>{method}</Text>
        <Text className={`tx-chip tx-chip--${found.status === 'open' ? 'case' : 'handled'}`} data-testid={`tx-row-${item.paymentId}-case`}>
          {t('tx.caseRow.chip', { kind: t(caseKey(found.kind)), state })}
        </Text>
      </View>
      <Text className='tx-row__detail' data-testid={`tx-row-${item.paymentId}-reason`}>
        {reason === '' ? t('tx.caseRow.noReason') : t('tx.caseRow.reason', { reason })}
      </Text>
      <Text className='tx-row__detail'>{`${t('tx.row.orderNumber')}  ${item.orderNumber}`}</Text>
      <View className='tx-row__line'>
        <Text className='tx-row__amount'>{formatMoney(found.amount)}</Text>
        {found.status === 'open' && found.deadlineAt !== null ? (
          <DeadlineCountdownAt
            deadlineAt={found.deadlineAt}
            nowMs={nowMs ?? Date.now()}
            className='tx-row__time tx-row__time--due fits-whole'
            testId={`tx-row-${item.paymentId}-deadline`}
          />
        ) : (
          <Text className='tx-row__time fits-whole' data-testid={`tx-row-${item.paymentId}-deadline`}>
            {found.deadlineAt === null ? t('tx.caseRow.noDeadline') : t('tx.caseRow.deadline', { date: formatBeijingDate(found.deadlineAt) })}
          </Text>
        )}
      </View>
      {extra}
    </View>
  )
}
