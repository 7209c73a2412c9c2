/**
 * The sheet of a money-moving action (refund, capture, void): amount (prefilled with the maximum, checked as the
 * user types) and reason where the API takes one → one sentence stating the effect → the action PIN (set twice on
 * first use) → sent with this opening's Idempotency-Key → pending, then final, followed without a manual refresh.
 *
 * One opening is one intention: the key is made when the sheet opens and every retry of its confirmation (no
 * answer, still processing, a wrong PIN) sends the same key, so nothing can happen twice; opening the sheet again
 * makes a new key. A refused or failed action says why in one sentence and the page behind changes nothing.
 */
import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { createIdempotencyKey } from '@/api/idempotency'
import { useWords, type Words } from '@/hooks/use-words'
import { ACTION_WORDS, type ActionWord } from '@/i18n/features/actions'
import { formatMoney } from '@/utils/money'
import type { ActionRecord, MoneyAction } from '@contract/actions'
import { currencyDecimals, type Money } from '@contract/money'
import { checkAmount, type AmountProblem } from './amount'
import { actionsApi } from './api'
import { daysLeftText, failureSentence, finalHeadline, isFinal, submitProblem, type SubmitProblem } from './outcome'
import { PinPad } from './pin-pad'
import { useActionPolling } from './use-action-polling'
import './action-sheet.scss'

export interface MoneyActionOffer {
  kind: MoneyAction
  paymentId: string
  orderNumber: string
  /** Refund: 可退款金额; capture: the authorized amount; void: the authorized amount (shown, not sent). */
  max: Money
  /** Capture/void: days before the authorization expires (null: unknown). */
  daysLeft?: number | null
}

export interface MoneyActionSheetProps {
  offer: MoneyActionOffer
  /** `changed`: the action went through or is under way, so the page reloads; false after a refusal or cancel. */
  onClose: (changed: boolean) => void
  /** Tests inject the API; the app uses the real one. */
  endpoints?: Pick<typeof actionsApi, 'fetchPinState' | 'setPin' | 'refund' | 'capture' | 'voidAuthorization' | 'fetchAction'>
}

type Step = 'form' | 'confirm' | 'pin' | 'sending' | 'result'
type PinMode = 'checking' | 'enter' | 'set' | 'repeat' | 'locked'
const REASON_MAX = 100

export function MoneyActionSheet({ offer, onClose, endpoints = actionsApi }: MoneyActionSheetProps) {
  const w = useWords(ACTION_WORDS)
  const [idempotencyKey] = useState(() => createIdempotencyKey())
  const [step, setStep] = useState<Step>('form')
  const [amountText, setAmountText] = useState(offer.max.amount)
  const [reason, setReason] = useState('')
  const [pinMode, setPinMode] = useState<PinMode>('checking')
  const [firstPin, setFirstPin] = useState('')
  const [pinProblem, setPinProblem] = useState<string | undefined>()
  const [problem, setProblem] = useState<SubmitProblem | null>(null)
  const [sent, setSent] = useState<ActionRecord | null>(null)
  const fetchAction = useCallback((id: string) => endpoints.fetchAction(id), [endpoints])
  const record = useActionPolling(sent, fetchAction)

  const takesAmount = offer.kind !== 'void'
  const amount = takesAmount ? checkAmount(amountText, offer.max) : ({ ok: true, amount: offer.max.amount } as const)
  const reasonOk = offer.kind !== 'refund' || (reason.trim().length >= 1 && reason.trim().length <= REASON_MAX)
  const money: Money = { currency: offer.max.currency, amount: amount.ok ? amount.amount : offer.max.amount }

  const toPin = () => {
    setStep('pin')
    setPinMode('checking')
    setPinProblem(undefined)
    endpoints.fetchPinState().then(
      (state) => setPinMode(state.locked ? 'locked' : state.set ? 'enter' : 'set'),
      (error: unknown) => showProblem(submitProblem(error)),
    )
  }

  const showProblem = (next: SubmitProblem) => {
    if (next.kind === 'pin-wrong') {
      setStep('pin')
      setPinMode(next.triesLeft > 0 ? 'enter' : 'locked')
      setPinProblem(next.triesLeft > 0 ? w('actions.pin.wrong', { count: next.triesLeft }) : undefined)
    } else if (next.kind === 'pin-locked') {
      setStep('pin')
      setPinMode('locked')
    } else if (next.kind === 'pin-not-set') {
      setStep('pin')
      setPinMode('set')
    } else {
      setProblem(next)
      setStep('result')
    }
  }

  const submit = (pin: string) => {
    setStep('sending')
    setProblem(null)
    const send =
      offer.kind === 'refund'
        ? endpoints.refund(offer.paymentId, { amount: money.amount, reason: reason.trim(), pin }, idempotencyKey)
        : offer.kind === 'capture'
          ? endpoints.capture(offer.paymentId, { amount: money.amount, pin }, idempotencyKey)
          : endpoints.voidAuthorization(offer.paymentId, { pin }, idempotencyKey)
    send.then(
      (answer) => {
        setSent(answer)
        setStep('result')
      },
      (error: unknown) => showProblem(submitProblem(error)),
    )
  }

  const onPin = (pin: string) => {
    if (pinMode === 'enter') return submit(pin)
    if (pinMode === 'set') {
      setFirstPin(pin)
      setPinProblem(undefined)
      return setPinMode('repeat')
    }
    if (pinMode === 'repeat') {
      if (pin !== firstPin) {
        setFirstPin('')
        setPinProblem(w('actions.pin.mismatch'))
        return setPinMode('set')
      }
      setPinMode('checking')
      endpoints.setPin({ pin }).then(
        () => submit(pin),
        (error: unknown) => showProblem(submitProblem(error)),
      )
    }
  }

  const changed = record !== null && record.status !== 'failed'
  const title = w(`actions.kind.${offer.kind}`)

  return (
    <View className='action-sheet' data-testid={`action-sheet-${offer.kind}`}>
      <View className='action-sheet__mask' onClick={() => (step === 'sending' ? undefined : onClose(changed))} />
      <View className='action-sheet__panel'>
        <View className='action-sheet__header'>
          <Text className='action-sheet__title'>{title}</Text>
          {step === 'sending' ? null : (
            <Text className='action-sheet__close' data-testid='action-sheet-close' onClick={() => onClose(changed)}>
              ✕
            </Text>
          )}
        </View>
        <View className='action-sheet__body'>
          {step === 'form' ? (
            <View data-testid='action-form'>
              <Text className='action-sheet__order fits-whole'>{offer.orderNumber}</Text>
              {offer.kind !== 'refund' ? <DaysLeft w={w} days={offer.daysLeft ?? null} /> : null}
              {takesAmount ? (
                <View className='action-sheet__field'>
                  <View className='action-sheet__label-line'>
                    <Text className='action-sheet__label'>{w('actions.amount.in', { currency: offer.max.currency })}</Text>
                    <Text className='action-sheet__hint money-text'>{w('actions.amount.max', { max: formatMoney(offer.max) })}</Text>
                  </View>
                  <Input
                    className='action-sheet__input'
                    type='digit'
                    value={amountText}
                    maxlength={24}
                    onInput={(event) => setAmountText(event.detail.value)}
                    data-testid='action-amount'
                  />
                  {!amount.ok ? (
                    <Text className='action-sheet__problem' data-testid='action-amount-problem'>
                      {amountProblemText(w, amount.problem, offer.max)}
                    </Text>
                  ) : null}
                </View>
              ) : (
                <View className='row'>
                  <Text className='row__label'>{w('actions.amount')}</Text>
                  <Text className='row__value money-text'>{formatMoney(offer.max)}</Text>
                </View>
              )}
              {offer.kind === 'refund' ? (
                <View className='action-sheet__field'>
                  <Text className='action-sheet__label'>{w('actions.reason')}</Text>
                  <Input
                    className='action-sheet__input'
                    value={reason}
                    maxlength={REASON_MAX}
                    placeholder={w('actions.reason.placeholder')}
                    onInput={(event) => setReason(event.detail.value)}
                    data-testid='action-reason'
                  />
                  {reason !== '' && !reasonOk ? (
                    <Text className='action-sheet__problem' data-testid='action-reason-problem'>
                      {w('actions.reason.problem')}
                    </Text>
                  ) : null}
                </View>
              ) : null}
              <Button
                className='action-sheet__primary'
                disabled={!amount.ok || !reasonOk}
                onClick={() => (amount.ok && reasonOk ? setStep('confirm') : undefined)}
                data-testid='action-next'
              >
                {w('actions.next')}
              </Button>
            </View>
          ) : null}

          {step === 'confirm' ? (
            <View data-testid='action-confirm'>
              <Text className='action-sheet__label'>{w('actions.confirm.title')}</Text>
              <Text className='action-sheet__sentence' data-testid='action-sentence'>
                {w(`actions.confirm.${offer.kind}`, { money: formatMoney(money), order: offer.orderNumber })}
              </Text>
              <Button className='action-sheet__primary' onClick={toPin} data-testid='action-confirm-ok'>
                {w('actions.confirm.ok')}
              </Button>
              <Button className='action-sheet__secondary' onClick={() => setStep('form')} data-testid='action-back'>
                {w('actions.back')}
              </Button>
            </View>
          ) : null}

          {step === 'pin' ? (
            pinMode === 'locked' ? (
              <Text className='action-sheet__problem action-sheet__problem--block' data-testid='pin-locked'>
                {w('actions.pin.locked')}
              </Text>
            ) : (
              <View>
                <PinPad
                  key={pinMode}
                  prompt={w(pinMode === 'set' ? 'actions.pin.set' : pinMode === 'repeat' ? 'actions.pin.repeat' : 'actions.pin.enter')}
                  problem={pinProblem}
                  deleteLabel={w('actions.pin.delete')}
                  disabled={pinMode === 'checking'}
                  onComplete={onPin}
                />
                {pinMode === 'set' ? <Text className='note action-sheet__note'>{w('actions.pin.hint')}</Text> : null}
              </View>
            )
          ) : null}

          {step === 'sending' ? (
            <Text className='action-sheet__state' data-testid='action-sending'>
              {w('actions.state.submitting')}
            </Text>
          ) : null}

          {step === 'result' ? (
            <ResultView w={w} record={record} problem={problem} onRetry={toPin} onClose={() => onClose(changed)} />
          ) : null}
        </View>
      </View>
    </View>
  )
}

function DaysLeft({ w, days }: { w: Words<ActionWord>; days: number | null }) {
  const text = daysLeftText(w, days)
  return (
    <Text className={`action-sheet__days${days !== null && days <= 2 ? ' action-sheet__days--due' : ''}`} data-testid='action-days-left'>
      {text}
    </Text>
  )
}

export function amountProblemText(w: Words<ActionWord>, problem: AmountProblem, max: Money): string {
  switch (problem) {
    case 'decimals': {
      const decimals = currencyDecimals(max.currency)
      return decimals === 0
        ? w('actions.amount.problem.noDecimals', { currency: max.currency })
        : w('actions.amount.problem.decimals', { currency: max.currency, decimals })
    }
    case 'over-max':
      return w('actions.amount.problem.over-max', { max: formatMoney(max) })
    default:
      return w(`actions.amount.problem.${problem}`)
  }
}

interface ResultViewProps {
  w: Words<ActionWord>
  record: ActionRecord | null
  problem: SubmitProblem | null
  onRetry: () => void
  onClose: () => void
}

function ResultView({ w, record, problem, onRetry, onClose }: ResultViewProps) {
  let body
  if (record !== null) {
    const final = isFinal(record.status)
    body = (
      <View data-testid={`action-result-${record.status}`}>
        <Text className={`action-sheet__headline action-sheet__headline--${record.status}`} data-testid='action-headline'>
          {final ? finalHeadline(w, record) : w(record.status === 'unknown' ? 'actions.state.unknown' : 'actions.state.pending')}
        </Text>
        {record.amount !== null ? <Text className='action-sheet__amount money-text'>{formatMoney(record.amount)}</Text> : null}
        {record.status === 'failed' && record.failure !== null ? (
          <Text className='action-sheet__sentence' data-testid='action-failure'>
            {failureSentence(w, record.failure, record.gatewayCode)}
          </Text>
        ) : null}
        {!final ? <Text className='note action-sheet__note'>{w('actions.state.stillChecking')}</Text> : null}
      </View>
    )
  } else if (problem !== null && problem.kind === 'refused') {
    body = (
      <View data-testid='action-refused'>
        <Text className='action-sheet__headline action-sheet__headline--failed'>{w('actions.status.failed')}</Text>
        <Text className='action-sheet__sentence' data-testid='action-failure'>
          {failureSentence(w, problem.failure)}
        </Text>
      </View>
    )
  } else if (problem !== null && problem.kind === 'retry') {
    body = (
      <View data-testid='action-retry'>
        <Text className='action-sheet__sentence'>{w(problem.reason === 'busy' ? 'actions.retry.busy' : 'actions.retry.network')}</Text>
        <Button className='action-sheet__primary' onClick={onRetry} data-testid='action-retry-button'>
          {w('actions.retry')}
        </Button>
      </View>
    )
  } else {
    body = (
      <Text className='action-sheet__sentence' data-testid='action-error'>
        {w('actions.error.other', { code: problem?.kind === 'other' ? problem.code : '' })}
      </Text>
    )
  }
  return (
    <View>
      {body}
      <Button className='action-sheet__secondary' onClick={onClose} data-testid='action-done'>
        {w('actions.close')}
      </Button>
    </View>
  )
}
