import type { ButtonHTMLAttributes, ComponentChildren } from 'preact'

import css from './ui.module.css'

/** Re-exported so pages share one set of class names. */
export const ui = css

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  kind?: 'primary' | 'secondary' | 'danger'
  type?: 'button' | 'submit'
  disabled?: boolean
}

/** A full-width button at least 48 px tall. */
export const Button = ({ kind = 'primary', class: cls, type = 'button', ...rest }: ButtonProps) => (
  <button
    type={type}
    class={[css.button, kind !== 'primary' && css[kind], cls].filter(Boolean).join(' ')}
    {...rest}
  />
)

/** A labelled input with its hint and error tied to it for screen readers. */
export const Field = ({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  children: (aria: {
    id: string
    'aria-describedby'?: string
    'aria-invalid'?: boolean
    class: string
  }) => ComponentChildren
}) => {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div class={css.field}>
      <label class={css.label} for={id}>
        {label}
      </label>
      {hint && (
        <span class={css.hint} id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children({
        id,
        'aria-describedby': described || undefined,
        'aria-invalid': error ? true : undefined,
        class: [css.input, error && css.invalid].filter(Boolean).join(' '),
      })}
      {error && (
        <span class={css.error} id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  )
}

/** A message strip: a warning by default, or good news. */
export const Banner = ({ ok, children }: { ok?: boolean; children: ComponentChildren }) => (
  <div class={[css.banner, ok && css.ok].filter(Boolean).join(' ')} role="status">
    {children}
  </div>
)
