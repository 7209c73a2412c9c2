/**
 * H5 only (imported by one-tap-button.h5.tsx): a bottom sheet in the manner of WeChat's phone dialog, clearly
 * marked as a sandbox. The user types a number or picks a demo account, then allows (→ the login) or denies
 * (→ the same "declined" message as on a phone).
 */
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { DEMO_PHONES, isSandboxPhone } from './sandbox-phones'
import './sandbox-phone-sheet.scss'

export interface SandboxPhoneSheetProps {
  initialPhone: string
  onConfirm: (phone: string) => void
  onCancel: () => void
}

export function SandboxPhoneSheet({ initialPhone, onConfirm, onCancel }: SandboxPhoneSheetProps) {
  const t = useT()
  const [phone, setPhone] = useState(initialPhone)
  const [invalid, setInvalid] = useState(false)
  const choose = (value: string) => {
    setPhone(value)
    setInvalid(false)
  }
  const confirm = () => {
    const value = phone.trim()
    if (isSandboxPhone(value)) onConfirm(value)
    else setInvalid(true)
  }
  return (
    <View className='sandbox-sheet' data-testid='sandbox-sheet'>
      <View className='sandbox-sheet__mask' onClick={onCancel} />
      <View className='sandbox-sheet__panel'>
        <View className='sandbox-sheet__header'>
          <Text className='sandbox-sheet__badge'>SANDBOX</Text>
          <Text className='sandbox-sheet__title'>{t('login.sandbox.title')}</Text>
        </View>
        <Text className='sandbox-sheet__notice'>{t('login.sandbox.notice')}</Text>

        <Text className='sandbox-sheet__label'>{t('login.sandbox.phone')}</Text>
        <Input
          className={`sandbox-sheet__input${invalid ? ' sandbox-sheet__input--invalid' : ''}`}
          type='text'
          value={phone}
          maxlength={20}
          placeholder={t('login.sandbox.placeholder')}
          onInput={(event) => choose(event.detail.value)}
          onConfirm={confirm}
          data-testid='sandbox-phone-input'
        />
        {invalid ? (
          <Text className='sandbox-sheet__error' data-testid='sandbox-phone-invalid'>
            {t('login.sandbox.invalidPhone')}
          </Text>
        ) : null}

        <Text className='sandbox-sheet__label'>{t('login.sandbox.demo')}</Text>
        <View className='sandbox-sheet__demos'>
          {DEMO_PHONES.map((demo) => (
            <View
              key={demo.phone}
              className={`sandbox-sheet__demo${demo.phone === phone.trim() ? ' sandbox-sheet__demo--chosen' : ''}`}
              onClick={() => choose(demo.phone)}
              data-testid={`sandbox-demo-${demo.phone}`}
            >
              <Text className='sandbox-sheet__demo-name'>
                {demo.name}
                {demo.enabled ? '' : ` · ${t('login.sandbox.demoDisabled')}`}
              </Text>
              <Text className='sandbox-sheet__demo-phone'>
                {demo.phone} · {demo.merchant}
              </Text>
            </View>
          ))}
        </View>

        <Button className='sandbox-sheet__confirm' onClick={confirm} data-testid='sandbox-phone-confirm'>
          {t('login.sandbox.confirm')}
        </Button>
        <Button className='sandbox-sheet__cancel' onClick={onCancel} data-testid='sandbox-phone-cancel'>
          {t('login.sandbox.cancel')}
        </Button>
      </View>
    </View>
  )
}
