/**
 * 上传物流单号 for one order (Tracking Numbers Upload; re-upload overwrites): number, carrier website, handler,
 * checked as the server checks them, sent with `POST /api/tracking-uploads` as a batch of one.
 */
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { useWords } from '@/hooks/use-words'
import { ACTION_WORDS } from '@/i18n/features/actions'
import type { ActionRecord } from '@contract/actions'
import { actionsApi } from './api'
import { failureSentence, submitProblem, type SubmitProblem } from './outcome'
import { TRACKING_LIMITS, trackingProblems, type TrackingField } from './tracking'
import './action-sheet.scss'

export interface TrackingSheetProps {
  paymentId: string
  orderNumber: string
  /** The number on record, if any: uploading again replaces it. */
  current: { trackingNumber: string | null; trackingSite: string | null }
  onClose: (changed: boolean) => void
  endpoints?: Pick<typeof actionsApi, 'uploadTracking'>
}

const FIELD_WORD = { number: 'actions.tracking.problem.number', site: 'actions.tracking.problem.site', handler: 'actions.tracking.problem.handler' } as const

export function TrackingSheet({ paymentId, orderNumber, current, onClose, endpoints = actionsApi }: TrackingSheetProps) {
  const w = useWords(ACTION_WORDS)
  const [trackingNumber, setNumber] = useState('')
  const [trackingSite, setSite] = useState(current.trackingSite ?? '')
  const [handler, setHandler] = useState('')
  const [touched, setTouched] = useState(false)
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<ActionRecord | null>(null)
  const [problem, setProblem] = useState<SubmitProblem | null>(null)
  const problems = trackingProblems({ trackingNumber, trackingSite, handler })
  const show = (field: TrackingField) =>
    touched && problems.includes(field) ? (
      <Text className='action-sheet__problem' data-testid={`tracking-problem-${field}`}>
        {w(FIELD_WORD[field])}
      </Text>
    ) : null

  const submit = () => {
    setTouched(true)
    if (problems.length > 0) return
    setSending(true)
    setProblem(null)
    endpoints
      .uploadTracking({ items: [{ paymentId, trackingNumber: trackingNumber.trim(), trackingSite: trackingSite.trim(), handler: handler.trim() }] })
      .then(
        (answer) => setResult(answer.results[0] ?? null),
        (error: unknown) => setProblem(submitProblem(error)),
      )
      .finally(() => setSending(false))
  }

  const done = result !== null && result.status !== 'failed'
  return (
    <View className='action-sheet' data-testid='action-sheet-tracking'>
      <View className='action-sheet__mask' onClick={() => onClose(done)} />
      <View className='action-sheet__panel'>
        <View className='action-sheet__header'>
          <Text className='action-sheet__title'>{w('actions.kind.tracking')}</Text>
          <Text className='action-sheet__close' data-testid='action-sheet-close' onClick={() => onClose(done)}>
            ✕
          </Text>
        </View>
        <View className='action-sheet__body'>
          <Text className='action-sheet__order fits-whole'>{orderNumber}</Text>
          {result !== null ? (
            <View data-testid={`tracking-result-${result.status}`}>
              <Text className={`action-sheet__headline action-sheet__headline--${result.status}`}>
                {result.status === 'failed' ? w('actions.status.failed') : w('actions.tracking.done')}
              </Text>
              {result.status === 'failed' && result.failure !== null ? (
                <Text className='action-sheet__sentence' data-testid='action-failure'>
                  {failureSentence(w, result.failure, result.gatewayCode)}
                </Text>
              ) : null}
              <Button className='action-sheet__secondary' onClick={() => onClose(done)} data-testid='action-done'>
                {w('actions.close')}
              </Button>
            </View>
          ) : (
            <View data-testid='tracking-form'>
              {current.trackingNumber !== null ? <Text className='note'>{w('actions.tracking.overwrite')}</Text> : null}
              <View className='action-sheet__field'>
                <Text className='action-sheet__label'>{w('actions.tracking.number')}</Text>
                <Input
                  className='action-sheet__input'
                  value={trackingNumber}
                  maxlength={TRACKING_LIMITS.number}
                  placeholder={w('actions.tracking.number.placeholder')}
                  onInput={(event) => setNumber(event.detail.value)}
                  data-testid='tracking-number'
                />
                {show('number')}
              </View>
              <View className='action-sheet__field'>
                <Text className='action-sheet__label'>{w('actions.tracking.site')}</Text>
                <Input
                  className='action-sheet__input'
                  value={trackingSite}
                  maxlength={TRACKING_LIMITS.site}
                  placeholder={w('actions.tracking.site.placeholder')}
                  onInput={(event) => setSite(event.detail.value)}
                  data-testid='tracking-site'
                />
                {show('site')}
              </View>
              <View className='action-sheet__field'>
                <Text className='action-sheet__label'>{w('actions.tracking.handler')}</Text>
                <Input
                  className='action-sheet__input'
                  value={handler}
                  maxlength={TRACKING_LIMITS.handler}
                  onInput={(event) => setHandler(event.detail.value)}
                  data-testid='tracking-handler'
                />
                {show('handler')}
              </View>
              {problem !== null ? (
                <Text className='action-sheet__problem' data-testid='action-failure'>
                  {problem.kind === 'refused'
                    ? failureSentence(w, problem.failure)
                    : problem.kind === 'retry'
                      ? w('actions.retry.network')
                      : w('actions.error.other', { code: problem.kind === 'other' ? problem.code : '' })}
                </Text>
              ) : null}
              <Button className='action-sheet__primary' disabled={sending} onClick={submit} data-testid='tracking-submit'>
                {w('actions.tracking.submit')}
              </Button>
            </View>
          )}
        </View>
      </View>
    </View>
  )
}
