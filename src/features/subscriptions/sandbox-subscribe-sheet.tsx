/**
 * H5 only (ask-wechat.h5.tsx): WeChat's subscribe sheet for a browser, clearly marked as a sandbox: allow or reject
 * each template, and "always keep this choice".
 */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import type { AskRequest } from './ask-types'
import './subscriptions.scss'

export interface SandboxSubscribeSheetProps {
  request: AskRequest
  onConfirm: (choices: Record<string, 'accept' | 'reject'>, keep: boolean) => void
  onCancel: () => void
}

export function SandboxSubscribeSheet({ request, onConfirm, onCancel }: SandboxSubscribeSheetProps) {
  const t = useT()
  const [choices, setChoices] = useState<Record<string, 'accept' | 'reject'>>(() =>
    Object.fromEntries(request.templateIds.map((id) => [id, 'accept' as const])),
  )
  const [keep, setKeep] = useState(false)
  const choose = (id: string, choice: 'accept' | 'reject') => setChoices((current) => ({ ...current, [id]: choice }))
  return (
    <View className='subs-sheet subs-sheet--sandbox' data-testid='sandbox-subscribe-sheet'>
      <View className='subs-sheet__mask' onClick={onCancel} />
      <View className='subs-sheet__panel'>
        <View className='subs-sheet__header'>
          <Text className='subs-sheet__badge'>SANDBOX</Text>
          <Text className='subs-sheet__title'>{t('subs.sandbox.title')}</Text>
        </View>
        <Text className='subs-sheet__note'>{t('subs.sandbox.notice')}</Text>
        {request.templateIds.map((id) => (
          <View key={id} className='subs-row'>
            <Text className='subs-row__label'>{request.labels[id] ?? id}</Text>
            <View className='subs-choice'>
              {(['accept', 'reject'] as const).map((choice) => (
                <Text
                  key={choice}
                  className={`subs-choice__option${choices[id] === choice ? ' subs-choice__option--on' : ''}`}
                  onClick={() => choose(id, choice)}
                  data-testid={`sandbox-subscribe-${choice}-${id}`}
                >
                  {t(choice === 'accept' ? 'subs.sandbox.accept' : 'subs.sandbox.reject')}
                </Text>
              ))}
            </View>
          </View>
        ))}
        <View className='subs-keep' onClick={() => setKeep(!keep)} data-testid='sandbox-subscribe-keep'>
          <Text className={`subs-keep__box${keep ? ' subs-keep__box--on' : ''}`}>{keep ? '✓' : ''}</Text>
          <Text className='subs-keep__label'>{t('subs.sandbox.keep')}</Text>
        </View>
        <Button className='subs-sheet__primary' onClick={() => onConfirm(choices, keep)} data-testid='sandbox-subscribe-confirm'>
          {t('subs.sandbox.confirm')}
        </Button>
      </View>
    </View>
  )
}
