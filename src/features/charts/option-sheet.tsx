/**
 * A bottom sheet of options: single choice (终端号, 卡种: a tap picks and closes) or multiple choice with 确认
 * (图表类型). Drawn by us rather than a native picker so that nine card brands fit (showActionSheet stops at
 * six) and it behaves the same in H5 and the mini-program.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'

export interface SheetOption<T extends string> {
  value: T
  label: string
}

interface CommonProps<T extends string> {
  title: string
  options: readonly SheetOption<T>[]
  /** Test ids: `<prefix>-<value>` per option (spaces become dashes). */
  testIdPrefix: string
  onClose: () => void
}

interface SingleProps<T extends string> extends CommonProps<T> {
  multiple?: false
  selected: T
  onSelect: (value: T) => void
}

interface MultipleProps<T extends string> extends CommonProps<T> {
  multiple: true
  selected: readonly T[]
  onConfirm: (values: T[]) => void
  confirmTestId: string
}

export function optionTestId(prefix: string, value: string): string {
  return `${prefix}-${value.replace(/\s+/g, '-')}`
}

export function OptionSheet<T extends string>(props: SingleProps<T> | MultipleProps<T>) {
  const t = useT()
  const [draft, setDraft] = useState<readonly T[]>(props.multiple ? props.selected : [])
  const isChecked = (value: T) => (props.multiple ? draft.includes(value) : props.selected === value)

  const choose = (value: T) => {
    if (!props.multiple) {
      props.onSelect(value)
      props.onClose()
      return
    }
    setDraft(draft.includes(value) ? draft.filter((entry) => entry !== value) : [...draft, value])
  }

  return (
    <View className='option-sheet'>
      <View className='option-sheet__mask' onClick={props.onClose} />
      <View className='option-sheet__panel'>
        <View className='option-sheet__head'>
          <Text className='option-sheet__title'>{props.title}</Text>
          <Text className='option-sheet__close' onClick={props.onClose}>
            {t('charts.sheet.close')}
          </Text>
        </View>
        <View className='option-sheet__list'>
          {props.options.map((option) => (
            <View
              key={option.value}
              className={`option-sheet__item${isChecked(option.value) ? ' option-sheet__item--checked' : ''}`}
              onClick={() => choose(option.value)}
              data-testid={optionTestId(props.testIdPrefix, option.value)}
            >
              <Text className='option-sheet__label'>{option.label}</Text>
              <View className={`option-sheet__check${props.multiple ? ' option-sheet__check--box' : ''}`} />
            </View>
          ))}
        </View>
        {props.multiple ? (
          <View className='option-sheet__foot'>
            {draft.length === 0 ? <Text className='option-sheet__hint'>{t('charts.types.none')}</Text> : null}
            <View
              className={`option-sheet__confirm${draft.length === 0 ? ' option-sheet__confirm--disabled' : ''}`}
              onClick={() => {
                if (draft.length === 0) return
                props.onConfirm([...draft])
                props.onClose()
              }}
              data-testid={props.confirmTestId}
            >
              {t('charts.types.confirm')}
            </View>
          </View>
        ) : null}
      </View>
    </View>
  )
}
