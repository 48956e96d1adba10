import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'

import { api, retryAfter } from '../../api/client'
import type { Resident } from '../../api/types'
import { Banner, Button, Field, ui } from '../../components/ui'
import { lang, t } from '../../i18n'
import { adopt } from '../../models/session'
import { prettyPhone, toE164 } from './phone'
import { resendAt } from './Phone'

const secondsLeft = (phone: string) =>
  Math.max(0, Math.ceil(((resendAt.get(phone) ?? 0) - Date.now()) / 1000))

/** `/sign-in/code?phone=…`: the SMS code, with a resend that waits as long as the server says. */
export default function Code() {
  const { route, query } = useLocation()
  const phone = toE164(query.phone ?? '')
  const code = useSignal('')
  const error = useSignal('')
  const notice = useSignal('')
  const busy = useSignal(false)
  const wait = useSignal(phone ? secondsLeft(phone) : 0)

  useEffect(() => {
    if (!phone) route('/sign-in', true)
    const timer = setInterval(() => phone && (wait.value = secondsLeft(phone)), 1000)
    return () => clearInterval(timer)
  }, [phone])
  if (!phone) return null

  const verify = async (event: Event) => {
    event.preventDefault()
    const digits = code.value.replace(/\D/g, '')
    if (digits.length !== 6) return void (error.value = t('err.codeFormat'))
    busy.value = true
    error.value = ''
    const res = await api<{ user: Resident }>('POST', '/api/residents/otp/verify', {
      phone,
      code: digits,
    })
    if (!res.ok) {
      busy.value = false
      const { status, retryAfter: s, key, message } = res.error
      error.value =
        status === 401 || status === 400 ? t('err.code') : key ? t(key, { s: s ?? 60 }) : message
      return
    }
    await adopt(res.data.user)
    busy.value = false
    route('/')
  }

  const resend = async () => {
    notice.value = ''
    error.value = ''
    const res = await api('POST', '/api/residents/otp/request', { phone, language: lang() })
    const seconds = res.ok ? (retryAfter(res.headers) ?? 30) : res.error.retryAfter
    if (seconds) resendAt.set(phone, Date.now() + seconds * 1000)
    wait.value = secondsLeft(phone)
    if (res.ok) notice.value = t('code.resent')
    else error.value = res.error.key ? t(res.error.key, { s: seconds ?? 60 }) : res.error.message
  }

  return (
    <form onSubmit={verify} noValidate class={ui.stack}>
      <h1>{t('code.title')}</h1>
      <p>{t('code.sentTo', { phone: prettyPhone(phone) })}</p>
      {notice.value && <Banner ok>{notice.value}</Banner>}
      <Field id="code" label={t('code.label')} error={error.value}>
        {(aria) => (
          <input
            {...aria}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            value={code.value}
            onInput={(e) => (code.value = e.currentTarget.value)}
          />
        )}
      </Field>
      <Button type="submit" disabled={busy.value}>
        {busy.value ? t('common.loading') : t('code.verify')}
      </Button>
      <Button kind="secondary" disabled={wait.value > 0} onClick={() => void resend()}>
        {t('code.resend')}
      </Button>
      {wait.value > 0 && (
        <p class={ui.hint} aria-live="polite">
          {t('code.resendIn', { s: wait.value })}
        </p>
      )}
      <a class={ui.link} href="/sign-in">
        {t('code.changePhone')}
      </a>
    </form>
  )
}
