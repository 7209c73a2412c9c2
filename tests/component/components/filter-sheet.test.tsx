import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { FilterSheet, type FilterField, type FilterValues } from '@/components/filter-sheet'

const FIELDS: FilterField[] = [
  {
    kind: 'options',
    key: 'timeType',
    label: '时间类型',
    required: true,
    options: [
      { value: 'payment', label: '交易时间' },
      { value: 'settlement', label: '划款时间' },
    ],
  },
  { kind: 'text', key: 'batchNo', label: '划款批次号' },
  {
    kind: 'options',
    key: 'currency',
    label: '交易币种',
    options: [
      { value: 'USD', label: 'USD' },
      { value: 'EUR', label: 'EUR' },
    ],
  },
  { kind: 'date', key: 'day', label: '日期', bounds: { min: '2024-05-15', max: '2025-05-15' } },
  { kind: 'date-range', startKey: 'start', endKey: 'end', bounds: { min: '2024-05-15', max: '2025-05-15' } },
]

function Harness({ initial, onApply }: { initial: FilterValues; onApply: (values: Record<string, string>) => void }) {
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState<FilterValues>(initial)
  return (
    <>
      <button type='button' onClick={() => setOpen(true)}>
        open
      </button>
      <FilterSheet
        open={open}
        title='高级筛选'
        fields={FIELDS}
        values={values}
        resetValues={{ timeType: 'payment' }}
        onClose={() => setOpen(false)}
        onApply={(next) => {
          onApply(next)
          setValues(next)
          setOpen(false)
        }}
      />
    </>
  )
}

const openSheet = () => fireEvent.click(screen.getByText('open'))
const selected = () =>
  Array.from(document.querySelectorAll('.filter-sheet__chip--selected')).map((node) => node.getAttribute('data-testid'))

describe('FilterSheet', () => {
  it('renders nothing while closed', () => {
    render(<Harness initial={{}} onApply={vi.fn()} />)
    expect(screen.queryByTestId('filter-sheet')).toBeNull()
  })

  it('shows every field with its label and the applied values, 全部 for unset option fields', () => {
    render(<Harness initial={{ timeType: 'settlement', currency: 'EUR', batchNo: 'B-7' }} onApply={vi.fn()} />)
    openSheet()
    for (const label of ['高级筛选', '时间类型', '划款批次号', '交易币种', '日期', '开始时间', '结束时间']) {
      expect(screen.getByTestId('filter-sheet').textContent).toContain(label)
    }
    expect(selected()).toEqual(['filter-sheet-option-timeType-settlement', 'filter-sheet-option-currency-EUR'])
    expect((screen.getByTestId('filter-sheet-text-batchNo') as HTMLInputElement).value).toBe('B-7')
    // A required field has no 全部 chip; an optional one starts with it.
    expect(screen.queryByTestId('filter-sheet-option-timeType-any')).toBeNull()
    expect(screen.getByTestId('filter-sheet-option-currency-any').textContent).toBe('全部')
  })

  it('hands the chosen values to onApply, trimmed and without unset ones', () => {
    const onApply = vi.fn()
    render(<Harness initial={{ timeType: 'payment' }} onApply={onApply} />)
    openSheet()
    fireEvent.click(screen.getByTestId('filter-sheet-option-currency-USD'))
    fireEvent.change(screen.getByTestId('filter-sheet-text-batchNo'), { target: { value: '  STL-1  ' } })
    const [day, start] = screen.getAllByLabelText('picker') as HTMLInputElement[]
    fireEvent.change(day, { target: { value: '2025-01-02' } })
    fireEvent.change(start, { target: { value: '2025-05-01' } })
    fireEvent.click(screen.getByTestId('filter-sheet-apply'))
    expect(onApply).toHaveBeenCalledWith({
      timeType: 'payment',
      currency: 'USD',
      batchNo: 'STL-1',
      day: '2025-01-02',
      start: '2025-05-01',
      end: '2025-05-15',
    })
    expect(screen.queryByTestId('filter-sheet')).toBeNull()
  })

  it('unsets an option with 全部', () => {
    const onApply = vi.fn()
    render(<Harness initial={{ timeType: 'payment', currency: 'EUR' }} onApply={onApply} />)
    openSheet()
    fireEvent.click(screen.getByTestId('filter-sheet-option-currency-any'))
    fireEvent.click(screen.getByTestId('filter-sheet-apply'))
    expect(onApply).toHaveBeenCalledWith({ timeType: 'payment' })
  })

  it('重置 restores the reset values in the draft; nothing is applied until 确认', () => {
    const onApply = vi.fn()
    render(<Harness initial={{ timeType: 'settlement', currency: 'EUR', batchNo: 'B-7' }} onApply={onApply} />)
    openSheet()
    fireEvent.click(screen.getByTestId('filter-sheet-reset'))
    expect(onApply).not.toHaveBeenCalled()
    expect(selected()).toEqual(['filter-sheet-option-timeType-payment', 'filter-sheet-option-currency-any'])
    fireEvent.click(screen.getByTestId('filter-sheet-apply'))
    expect(onApply).toHaveBeenCalledWith({ timeType: 'payment' })
  })

  it('closing drops the draft: the next opening starts from the applied values', () => {
    const onApply = vi.fn()
    render(<Harness initial={{ timeType: 'payment', currency: 'EUR' }} onApply={onApply} />)
    openSheet()
    fireEvent.click(screen.getByTestId('filter-sheet-option-currency-USD'))
    fireEvent.click(screen.getByTestId('filter-sheet-mask'))
    expect(screen.queryByTestId('filter-sheet')).toBeNull()
    openSheet()
    expect(selected()).toContain('filter-sheet-option-currency-EUR')
    expect(onApply).not.toHaveBeenCalled()
  })

  it('keeps a date range inside its one-year bounds', () => {
    const onApply = vi.fn()
    render(<Harness initial={{ timeType: 'payment', start: '2025-05-01', end: '2025-05-10' }} onApply={onApply} />)
    openSheet()
    const [, , end] = screen.getAllByLabelText('picker') as HTMLInputElement[]
    fireEvent.change(end, { target: { value: '2026-01-01' } })
    expect(screen.getByTestId('filter-sheet-range-limit').className).toContain('date-range__limit--active')
    fireEvent.click(screen.getByTestId('filter-sheet-apply'))
    expect(onApply).toHaveBeenCalledWith({ timeType: 'payment', start: '2025-05-01', end: '2025-05-15' })
  })
})
