/**
 * The quick tracking entry's shared fields on the "tracking missing" list: carrier website and handler, kept for
 * the whole batch, and the submit of every row with a number (`POST /api/tracking-uploads`, ≤ 50 per call).
 */
import { Button, Input, Text, View } from '@tarojs/components'
import { useWords } from '@/hooks/use-words'
import { ACTION_WORDS } from '@/i18n/features/actions'
import { TRACKING_LIMITS, type TrackingCommon } from './tracking'

export interface TrackingEntryPanelProps {
  common: TrackingCommon
  onCommon: (common: TrackingCommon) => void
  count: number
  sending: boolean
  /** A problem to show (a field the server would refuse, or the batch's outcome). */
  message: string | null
  onSubmit: () => void
  onExit: () => void
}

export function TrackingEntryPanel({ common, onCommon, count, sending, message, onSubmit, onExit }: TrackingEntryPanelProps) {
  const w = useWords(ACTION_WORDS)
  return (
    <View className='tx-entry' data-testid='tx-tracking-entry'>
      <Text className='note'>{w('actions.tracking.batch.common')}</Text>
      <View className='tx-entry__fields'>
        <Input
          className='tx-entry__input'
          value={common.trackingSite}
          maxlength={TRACKING_LIMITS.site}
          placeholder={w('actions.tracking.site')}
          onInput={(event) => onCommon({ ...common, trackingSite: event.detail.value })}
          data-testid='tx-tracking-site'
        />
        <Input
          className='tx-entry__input tx-entry__input--short'
          value={common.handler}
          maxlength={TRACKING_LIMITS.handler}
          placeholder={w('actions.tracking.handler')}
          onInput={(event) => onCommon({ ...common, handler: event.detail.value })}
          data-testid='tx-tracking-handler'
        />
      </View>
      {message !== null ? (
        <Text className='tx-entry__message' data-testid='tx-tracking-message'>
          {message}
        </Text>
      ) : null}
      <View className='tx-entry__buttons'>
        <Button className='tx-entry__submit' size='mini' disabled={sending} onClick={onSubmit} data-testid='tx-tracking-submit'>
          {w('actions.tracking.batch.submit', { count })}
        </Button>
        <Button className='tx-entry__exit' size='mini' onClick={onExit} data-testid='tx-tracking-exit'>
          {w('actions.tracking.batch.exit')}
        </Button>
      </View>
    </View>
  )
}
