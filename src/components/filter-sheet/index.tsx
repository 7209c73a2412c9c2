/**
 * FilterSheet — a bottom sheet of filter fields for any list page (交易明细, 交易划款). Generic: it knows
 * nothing of transactions; the page describes its fields and receives plain string values.
 *
 * ```tsx
 * const fields: FilterField[] = [
 *   { kind: 'options', key: 'currency', label: t('…'), options: [{ value: 'USD', label: 'USD' }, …] },
 *   { kind: 'text', key: 'batchNo', label: t('…'), placeholder: t('filterSheet.placeholder'), maxLength: 64 },
 *   { kind: 'date', key: 'day', label: t('…'), bounds },
 *   { kind: 'date-range', startKey: 'start', endKey: 'end', bounds: oneYearBounds(today) },
 * ]
 * <FilterSheet
 *   open={open} title={t('…')} fields={fields}
 *   values={applied}                       // FilterValues: Record<string, string | undefined>; '' or missing = unset
 *   resetValues={{ timeType: 'payment' }}  // optional: what 重置 restores (default: everything unset)
 *   onApply={(values) => { setApplied(values); setOpen(false) }}  // 确认: only set keys, trimmed
 *   onClose={() => setOpen(false)}         // tap on the mask or ✕; the draft is dropped
 * />
 * ```
 * - Each opening starts a draft from `values`; nothing reaches the page until 确认. 重置 resets the draft only.
 * - `options`: single choice; the leading 全部 chip unsets the key (`required: true` drops it). Labels are shown
 *   as given (translate them).
 * - `date-range` renders <DateRange> (one-year clamp) and needs both days; `date` is a single picker.
 * - Test ids (prefix `testId`, default `filter-sheet`): `<p>` (panel), `<p>-mask`, `<p>-close`, `<p>-reset`,
 *   `<p>-apply`, `<p>-field-<key>`, `<p>-option-<key>-<value>` (`-any` for 全部), `<p>-text-<key>`,
 *   `<p>-date-<key>`; a date-range's pickers are `<p>-range-start` / `<p>-range-end`.
 * - Pure helpers in `./fields`: `cleanValues`, `countActive`, `fieldKeys`.
 * Rendered only while open, so a closed sheet costs the page no nodes.
 */
import { useState } from 'react'
import { Button, Input, Picker, ScrollView, Text, View } from '@tarojs/components'
import { DateRange } from '@/components/date-range'
import { useT } from '@/hooks/use-t'
import { cleanValues, type FilterField, type FilterValues } from './fields'
import './index.scss'

export { cleanValues, countActive, fieldKeys, type FilterField, type FilterOption, type FilterValues } from './fields'

export interface FilterSheetProps {
  open: boolean
  title: string
  fields: readonly FilterField[]
  values: FilterValues
  resetValues?: FilterValues
  onApply: (values: Record<string, string>) => void
  onClose: () => void
  testId?: string
}

export function FilterSheet(props: FilterSheetProps) {
  return props.open ? <OpenSheet {...props} /> : null
}

function OpenSheet({ title, fields, values, resetValues = {}, onApply, onClose, testId = 'filter-sheet' }: FilterSheetProps) {
  const t = useT()
  const [draft, setDraft] = useState<FilterValues>(values)
  const set = (key: string, value: string | undefined) => setDraft((previous) => ({ ...previous, [key]: value }))

  const renderField = (field: FilterField) => {
    switch (field.kind) {
      case 'options':
        return (
          <View className='filter-sheet__chips'>
            {(field.required === true ? field.options : [{ value: '', label: t('filterSheet.any') }, ...field.options]).map((option) => {
              const selected = (draft[field.key] ?? '') === option.value
              return (
                <View
                  key={option.value}
                  className={`filter-sheet__chip${selected ? ' filter-sheet__chip--selected' : ''}`}
                  data-testid={`${testId}-option-${field.key}-${option.value === '' ? 'any' : option.value}`}
                  onClick={() => set(field.key, option.value)}
                >
                  {option.label}
                </View>
              )
            })}
          </View>
        )
      case 'text':
        return (
          <Input
            className='filter-sheet__input'
            value={draft[field.key] ?? ''}
            placeholder={field.placeholder ?? t('filterSheet.placeholder')}
            maxlength={field.maxLength ?? 64}
            onInput={(event) => set(field.key, event.detail.value)}
            data-testid={`${testId}-text-${field.key}`}
          />
        )
      case 'date': {
        const day = draft[field.key] ?? ''
        return (
          <Picker
            mode='date'
            value={day}
            start={field.bounds?.min}
            end={field.bounds?.max}
            onChange={(event) => set(field.key, event.detail.value)}
          >
            <View className='filter-sheet__picker' data-testid={`${testId}-date-${field.key}`}>
              <Text className={day === '' ? 'filter-sheet__placeholder' : ''}>{day === '' ? t('filterSheet.pickDate') : day}</Text>
              <Text className='filter-sheet__chevron'>›</Text>
            </View>
          </Picker>
        )
      }
      case 'date-range':
        return (
          <DateRange
            value={{ start: draft[field.startKey] ?? field.bounds.min, end: draft[field.endKey] ?? field.bounds.max }}
            bounds={field.bounds}
            onChange={(next) => setDraft((previous) => ({ ...previous, [field.startKey]: next.start, [field.endKey]: next.end }))}
            testId={`${testId}-range`}
          />
        )
    }
  }

  return (
    <View className='filter-sheet'>
      <View className='filter-sheet__mask' catchMove onClick={onClose} data-testid={`${testId}-mask`} />
      <View className='filter-sheet__panel' data-testid={testId}>
        <View className='filter-sheet__header'>
          <Text className='filter-sheet__title'>{title}</Text>
          <Text className='filter-sheet__close' onClick={onClose} data-testid={`${testId}-close`}>
            ✕
          </Text>
        </View>
        <ScrollView className='filter-sheet__body' scrollY>
          {fields.map((field) => {
            const key = field.kind === 'date-range' ? `${field.startKey}-${field.endKey}` : field.key
            return (
              <View key={key} className='filter-sheet__field' data-testid={`${testId}-field-${key}`}>
                {field.kind === 'date-range' ? null : <Text className='filter-sheet__label'>{field.label}</Text>}
                {renderField(field)}
              </View>
            )
          })}
        </ScrollView>
        <View className='filter-sheet__actions'>
          <Button className='filter-sheet__reset' onClick={() => setDraft(resetValues)} data-testid={`${testId}-reset`}>
            {t('filterSheet.reset')}
          </Button>
          <Button
            className='filter-sheet__apply'
            onClick={() => onApply(cleanValues(fields, draft))}
            data-testid={`${testId}-apply`}
          >
            {t('filterSheet.apply')}
          </Button>
        </View>
      </View>
    </View>
  )
}
