import type { Question as Q } from '../../api/types'
import { Field, ui } from '../../components/ui'
import { t } from '../../i18n'
import css from './Task.module.css'

/** A question's options, whether stored as a list or as comma/newline-separated text. */
export const optionsOf = (q: Q) =>
  (Array.isArray(q.options) ? q.options : String(q.options ?? '').split(/[\n,]/))
    .map((o) => o.trim())
    .filter(Boolean)

type Props = { q: Q; value: unknown; error?: string; onChange: (value: unknown) => void }

const labelOf = (q: Q) => `${q.label}${q.required ? '' : ` (${t('common.optional')})`}`

const Choices = ({ q, error, children }: Props & { children: preact.ComponentChildren }) => (
  <fieldset class={css.group} aria-describedby={error ? `q-${q.name}-error` : undefined}>
    <legend class={ui.label}>{labelOf(q)}</legend>
    {children}
    {error && (
      <span class={ui.error} id={`q-${q.name}-error`} role="alert">
        {error}
      </span>
    )}
  </fieldset>
)

/** One generated input for the plain question types (photo and location have their own). */
export const Question = (props: Props) => {
  const { q, value, error, onChange } = props
  const id = `q-${q.name}`
  if (q.type === 'checkbox') {
    return (
      <Choices {...props}>
        <label class={ui.check}>
          <input
            type="checkbox"
            id={id}
            name={q.name}
            checked={value === true}
            onChange={(e) => onChange(e.currentTarget.checked)}
          />
          {t('task.yes')}
        </label>
      </Choices>
    )
  }
  if (q.type === 'multiple_choice') {
    const picked = Array.isArray(value) ? (value as string[]) : []
    return (
      <Choices {...props}>
        {optionsOf(q).map((option) => (
          <label key={option} class={ui.check}>
            <input
              type="checkbox"
              name={q.name}
              value={option}
              checked={picked.includes(option)}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked
                    ? [...picked, option]
                    : picked.filter((other) => other !== option),
                )
              }
            />
            {option}
          </label>
        ))}
      </Choices>
    )
  }
  if (q.type === 'select' && optionsOf(q).length <= 5) {
    return (
      <Choices {...props}>
        {optionsOf(q).map((option) => (
          <label key={option} class={ui.check}>
            <input
              type="radio"
              name={q.name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {option}
          </label>
        ))}
      </Choices>
    )
  }
  return (
    <Field id={id} label={labelOf(q)} hint={q.help ?? undefined} error={error}>
      {(aria) => {
        const common = { ...aria, name: q.name, required: Boolean(q.required) }
        const text = (value as string | undefined) ?? ''
        const input = (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value)
        switch (q.type) {
          case 'textarea':
            return <textarea {...common} rows={4} value={text} onInput={input} />
          case 'number':
            return (
              <input {...common} type="number" inputMode="decimal" value={text} onInput={input} />
            )
          case 'date':
            return <input {...common} type="date" value={text} onInput={input} />
          case 'select':
            return (
              <select {...common} value={text} onChange={input}>
                <option value="">{t('task.choose')}</option>
                {optionsOf(q).map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            )
          default:
            return <input {...common} type="text" value={text} onInput={input} />
        }
      }}
    </Field>
  )
}
