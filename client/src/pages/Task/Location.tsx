import { useSignal } from '@preact/signals'

import type { Question } from '../../api/types'
import { Button, ui } from '../../components/ui'
import { t } from '../../i18n'

/** Where the resident is, as the API takes it. */
export type Where = { lat: number; lng: number; accuracy?: number }

/** A location question: asked only when the resident taps, with a prompt saying why. */
export const Location = ({
  q,
  value,
  error,
  onChange,
}: {
  q: Question
  value: Where | undefined
  error?: string
  onChange: (where: Where) => void
}) => {
  const working = useSignal(false)
  const denied = useSignal(false)
  const locate = () => {
    working.value = true
    denied.value = false
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        working.value = false
        onChange({
          lat: pos.coords.latitude,
          lng: pos.coords.longitude,
          accuracy: Math.round(pos.coords.accuracy),
        })
      },
      () => {
        working.value = false
        denied.value = true
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    )
  }
  const id = `q-${q.name}`
  return (
    <div class={ui.field} role="group" aria-labelledby={`${id}-label`}>
      <span class={ui.label} id={`${id}-label`}>
        {q.label}
        {!q.required && ` (${t('common.optional')})`}
      </span>
      <p class={ui.hint}>{t('task.locationPrompt')}</p>
      {value && <p role="status">{t('task.locationGot', { m: value.accuracy ?? '?' })}</p>}
      <Button kind={value ? 'secondary' : 'primary'} onClick={locate} disabled={working.value}>
        {working.value ? t('task.locationWorking') : t('task.locationShare')}
      </Button>
      {(denied.value || error) && (
        <span class={ui.error} role="alert">
          {denied.value ? t('task.locationDenied') : error}
        </span>
      )}
    </div>
  )
}
