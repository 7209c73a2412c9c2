/**
 * The 6-digit action PIN pad: six dots and its own keys, so no system keyboard shows the digits or suggests them.
 * Calls `onComplete` with the six digits and clears itself; `disabled` while a check runs.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', 'del'] as const
export const PIN_LENGTH = 6

export interface PinPadProps {
  prompt: string
  /** A problem to show above the pad (wrong PIN, the entries differ). */
  problem?: string
  deleteLabel: string
  disabled?: boolean
  onComplete: (pin: string) => void
}

export function PinPad({ prompt, problem, deleteLabel, disabled = false, onComplete }: PinPadProps) {
  const [digits, setDigits] = useState('')
  const press = (key: (typeof KEYS)[number]) => {
    if (disabled || key === '') return
    if (key === 'del') return setDigits((current) => current.slice(0, -1))
    const next = `${digits}${key}`.slice(0, PIN_LENGTH)
    if (next.length === PIN_LENGTH) {
      setDigits('')
      onComplete(next)
    } else {
      setDigits(next)
    }
  }
  return (
    <View className='pin-pad' data-testid='pin-pad'>
      <Text className='pin-pad__prompt' data-testid='pin-prompt'>
        {prompt}
      </Text>
      <View className='pin-pad__dots' data-testid='pin-dots' data-filled={digits.length}>
        {Array.from({ length: PIN_LENGTH }, (_, index) => (
          <View key={index} className={`pin-pad__dot${index < digits.length ? ' pin-pad__dot--filled' : ''}`} />
        ))}
      </View>
      {problem ? (
        <Text className='pin-pad__problem' data-testid='pin-problem'>
          {problem}
        </Text>
      ) : null}
      <View className='pin-pad__keys'>
        {KEYS.map((key, index) => (
          <View
            key={index}
            className={`pin-pad__key${key === '' ? ' pin-pad__key--blank' : ''}`}
            data-testid={key === '' ? undefined : `pin-key-${key}`}
            onClick={() => press(key)}
          >
            {key === 'del' ? deleteLabel : key}
          </View>
        ))}
      </View>
    </View>
  )
}
