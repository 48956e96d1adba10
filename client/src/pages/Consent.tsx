import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'

import { api } from '../api/client'
import { Banner, Button, ui } from '../components/ui'
import { lang, t, type MessageKey } from '../i18n'
import { loadConsents } from '../models/session'
import css from './Consent.module.css'

/** The purposes, in the order they are asked; the first two are needed to take part. */
const PURPOSES = ['terms', 'data-processing', 'location', 'photos', 'sms-updates', 'marketing']
const REQUIRED = new Set(['terms', 'data-processing'])

type Notice = { bodyEn?: string; bodyFil?: string; controller?: string; dpoContact?: string }

type State = { purposes?: Record<string, { granted: boolean; decidedAt: string | null }> }

/** `/consent`: one card per purpose in plain words; nothing is ticked until the resident ticks it. */
export default function Consent() {
  const { route } = useLocation()
  const checked = useSignal<Record<string, boolean>>({})
  const known = useSignal<State['purposes']>(undefined)
  const error = useSignal('')
  const busy = useSignal(false)
  const notice = useSignal<Notice | undefined>(undefined)

  useEffect(() => {
    void api<Notice>('GET', '/api/globals/privacy-notice').then((res) => {
      if (res.ok) notice.value = res.data
    })
    void api<State>('GET', '/api/consents/mine').then((res) => {
      if (!res.ok || !res.data.purposes) return
      known.value = res.data.purposes
      // On a slow link the answer can come after the resident has ticked: their ticks win.
      checked.value = {
        ...Object.fromEntries(
          Object.entries(res.data.purposes).map(([purpose, s]) => [purpose, s.granted]),
        ),
        ...checked.value,
      }
    })
  }, [])

  const save = async (event: Event) => {
    event.preventDefault()
    if ([...REQUIRED].some((purpose) => !checked.value[purpose])) {
      return void (error.value = t('err.consent'))
    }
    busy.value = true
    error.value = ''
    for (const purpose of PURPOSES) {
      const granted = Boolean(checked.value[purpose])
      const before = known.value?.[purpose]
      // Only decisions: an unchanged purpose that was already decided is not written again.
      if (before?.decidedAt && before.granted === granted) continue
      const res = await api('POST', '/api/consents', { purpose, granted })
      if (!res.ok && res.error.status !== 404) {
        busy.value = false
        error.value = res.error.key ? t(res.error.key, { s: 60 }) : res.error.message
        return
      }
    }
    await loadConsents()
    busy.value = false
    route('/')
  }

  return (
    <form onSubmit={save} noValidate>
      <h1>{t('consent.title')}</h1>
      <p>{t('consent.intro')}</p>
      {notice.value && (
        <details class={ui.card}>
          <summary class={ui.link}>{t('consent.notice')}</summary>
          <p class={css.notice}>{lang() === 'en' ? notice.value.bodyEn : notice.value.bodyFil}</p>
          {notice.value.controller && (
            <p>{t('consent.controller', { name: notice.value.controller })}</p>
          )}
          {notice.value.dpoContact && (
            <p>{t('consent.dpo', { contact: notice.value.dpoContact })}</p>
          )}
        </details>
      )}
      {PURPOSES.map((purpose) => (
        <fieldset key={purpose} class={[ui.card, css.purpose].join(' ')}>
          <legend class={[ui.label, css.legend].join(' ')}>
            {t(`consent.${purpose}.title` as MessageKey)}
          </legend>
          <span class={ui.badge}>
            {t(REQUIRED.has(purpose) ? 'consent.required' : 'consent.optional')}
          </span>
          <p class={css.body}>{t(`consent.${purpose}.body` as MessageKey)}</p>
          <label class={ui.check}>
            <input
              type="checkbox"
              name={purpose}
              checked={Boolean(checked.value[purpose])}
              onChange={(e) =>
                (checked.value = { ...checked.value, [purpose]: e.currentTarget.checked })
              }
            />
            {t('consent.agree')}
          </label>
        </fieldset>
      ))}
      {error.value && <Banner>{error.value}</Banner>}
      <Button type="submit" disabled={busy.value}>
        {t('consent.save')}
      </Button>
    </form>
  )
}
