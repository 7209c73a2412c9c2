/**
 * Plain DOM stand-ins for `@tarojs/components` in jsdom: they keep the props a user or test can observe
 * (class, data-testid, text, tap, checked) so page components render as they would in H5.
 */
import type { CSSProperties, ReactNode } from 'react'

interface BaseProps {
  className?: string
  style?: CSSProperties
  children?: ReactNode
  onClick?: () => void
  'data-testid'?: string
}

const pick = ({ className, style, onClick, children, ...rest }: BaseProps) => ({
  className,
  style,
  onClick,
  children,
  'data-testid': rest['data-testid'],
})

export const View = (props: BaseProps) => <div {...pick(props)} />
export const Text = (props: BaseProps) => <span {...pick(props)} />
export const Button = (props: BaseProps & { openType?: string }) => (
  <button type='button' data-open-type={props.openType} {...pick(props)} />
)
export const Image = (props: BaseProps & { src: string }) => <img src={props.src} alt='' {...pick(props)} />

export const Switch = (
  props: BaseProps & { checked?: boolean; onChange?: (event: { detail: { value: boolean } }) => void },
) => (
  <input
    type='checkbox'
    role='switch'
    className={props.className}
    data-testid={props['data-testid']}
    checked={props.checked ?? false}
    onChange={(event) => props.onChange?.({ detail: { value: event.target.checked } })}
  />
)

// Added for the filter sheet and the transactions list (inputs, date pickers, scroll containers).
export const Input = (
  props: BaseProps & {
    value?: string
    placeholder?: string
    maxlength?: number
    onInput?: (event: { detail: { value: string } }) => void
    onConfirm?: (event: { detail: { value: string } }) => void
  },
) => (
  <input
    type='text'
    className={props.className}
    data-testid={props['data-testid']}
    placeholder={props.placeholder}
    maxLength={props.maxlength}
    value={props.value ?? ''}
    onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
    onKeyDown={(event) => {
      if (event.key === 'Enter') props.onConfirm?.({ detail: { value: event.currentTarget.value } })
    }}
  />
)

/** A date picker as a labelled `<input type="date">` wrapped around the picker's own content. */
export const Picker = (
  props: BaseProps & {
    mode?: string
    value?: string
    start?: string
    end?: string
    onChange?: (event: { detail: { value: string } }) => void
  },
) => (
  <label className={props.className} data-picker-mode={props.mode}>
    <input
      type='date'
      aria-label='picker'
      value={props.value ?? ''}
      min={props.start}
      max={props.end}
      onChange={(event) => props.onChange?.({ detail: { value: event.target.value } })}
    />
    {props.children}
  </label>
)

export const ScrollView = (props: BaseProps & { scrollY?: boolean }) => <div {...pick(props)} />

// Added for the tools (order numbers and BINs, one per line).
export const Textarea = (
  props: BaseProps & { value?: string; maxlength?: number; onInput?: (event: { detail: { value: string } }) => void },
) => (
  <textarea
    className={props.className}
    data-testid={props['data-testid']}
    value={props.value ?? ''}
    onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
  />
)
