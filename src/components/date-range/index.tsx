/**
 * DateRange — start/end day pickers for a list limited to one year back (交易明细, 交易划款).
 *
 * ```tsx
 * const bounds = oneYearBounds(beijingToday())
 * const [range, setRange] = useState(() => lastDays(beijingToday(), 7))
 * <DateRange value={range} bounds={bounds} onChange={(next) => setRange(next)} />
 * ```
 * - `value`: `{ start, end }` as `YYYY-MM-DD` Beijing days; shown as `start 00:00:00` / `end 23:59:59` (ODPM's way).
 * - `bounds`: `{ min, max }` selectable days (`oneYearBounds(today)`: a year back … today). The pickers cannot
 *   leave them in WeChat; anything else (H5, a URL) is clamped with `clampDateRange` before `onChange`.
 * - `onChange(next, { clamped })`: always a valid, ordered range inside the bounds; `clamped` = a day was moved
 *   back inside the one-year limit (the component then highlights its limit note).
 * - `limitNotice`: highlight the one-year note from outside too (e.g. a URL range the page had to clamp).
 * - `testId`: prefix of the test ids, default `date-range` → `date-range-start`, `date-range-end`.
 * Pure helpers live in `./range` (`oneYearBounds`, `lastDays`, `clampDateRange`, `oneYearBefore`).
 */
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { clampDateRange, type DateBounds, type DateRangeValue } from './range'
import './index.scss'

export { clampDateRange, lastDays, oneYearBefore, oneYearBounds, type DateBounds, type DateRangeValue } from './range'

export interface DateRangeProps {
  value: DateRangeValue
  bounds: DateBounds
  onChange: (next: DateRangeValue, info: { clamped: boolean }) => void
  limitNotice?: boolean
  testId?: string
}

export function DateRange({ value, bounds, onChange, limitNotice = false, testId = 'date-range' }: DateRangeProps) {
  const t = useT()
  const [clampedHere, setClampedHere] = useState(false)

  const pick = (edge: keyof DateRangeValue, day: string) => {
    const { clamped, ...next } = clampDateRange({ ...value, [edge]: day }, bounds)
    setClampedHere(clamped)
    if (next.start !== value.start || next.end !== value.end || clamped) onChange(next, { clamped })
  }

  const row = (edge: keyof DateRangeValue, label: string, time: string) => (
    <Picker
      mode='date'
      value={value[edge]}
      start={bounds.min}
      end={bounds.max}
      onChange={(event) => pick(edge, event.detail.value)}
    >
      <View className='date-range__row' data-testid={`${testId}-${edge}`}>
        <Text className='date-range__label'>{label}</Text>
        <Text className='date-range__value'>{`${value[edge]} ${time}`}</Text>
        <Text className='date-range__chevron'>›</Text>
      </View>
    </Picker>
  )

  return (
    <View className='date-range'>
      {row('start', t('dateRange.start'), '00:00:00')}
      {row('end', t('dateRange.end'), '23:59:59')}
      <Text
        className={`date-range__limit${limitNotice || clampedHere ? ' date-range__limit--active' : ''}`}
        data-testid={`${testId}-limit`}
      >
        {t('dateRange.limit', { min: bounds.min })}
      </Text>
    </View>
  )
}
