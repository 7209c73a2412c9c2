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
