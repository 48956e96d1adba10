import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'

import type { Question } from '../../api/types'
import { Button, ui } from '../../components/ui'
import { t } from '../../i18n'
import { preparePhoto } from '../../lib/photo'
import css from './Task.module.css'

/** A photo question: the camera first, resized in the browser before it is kept or sent. */
export const Photo = ({
  q,
  value,
  error,
  onChange,
}: {
  q: Question
  value: Blob | undefined
  error?: string
  onChange: (photo: Blob | undefined) => void
}) => {
  const working = useSignal(false)
  const failed = useSignal('')
  const preview = useSignal<string | undefined>(undefined)
  useEffect(() => {
    if (!value) return void (preview.value = undefined)
    const url = URL.createObjectURL(value)
    preview.value = url
    return () => URL.revokeObjectURL(url)
  }, [value])

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    if (!file) return
    working.value = true
    failed.value = ''
    try {
      onChange(await preparePhoto(file))
    } catch {
      failed.value = t('err.photo')
    } finally {
      working.value = false
      input.value = ''
    }
  }
  const id = `q-${q.name}`
  const message = failed.value || error
  return (
    <div class={ui.field}>
      <span class={ui.label} id={`${id}-label`}>
        {q.label}
        {!q.required && ` (${t('common.optional')})`}
      </span>
      <span class={ui.hint}>{q.help ?? t('task.photo')}</span>
      {preview.value && <img class={css.preview} src={preview.value} alt="" />}
      {value && <p role="status">{t('task.photoReady', { kb: Math.round(value.size / 1024) })}</p>}
      {working.value && <p role="status">{t('task.photoWorking')}</p>}
      <label class={[ui.button, value && ui.secondary].filter(Boolean).join(' ')} for={id}>
        {t('task.photoPick')}
      </label>
      <input
        id={id}
        class="sr-only"
        type="file"
        name={q.name}
        accept="image/*"
        capture="environment"
        aria-labelledby={`${id}-label`}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => void pick(e.currentTarget)}
      />
      {value && (
        <Button kind="secondary" class={css.gap} onClick={() => onChange(undefined)}>
          {t('task.photoRemove')}
        </Button>
      )}
      {message && (
        <span class={ui.error} id={`${id}-error`} role="alert">
          {message}
        </span>
      )}
    </div>
  )
}
