import { useSignal } from '@preact/signals'
import { useLocation } from 'preact-iso'

import { api, retryAfter } from '../../api/client'
import { Button, Field } from '../../components/ui'
import { lang, t } from '../../i18n'
import { toE164 } from './phone'

/** When the server lets this phone ask again (ms since epoch), shared with the code screen. */
export const resendAt = new Map<string, number>()

/** `/sign-in`: the mobile number that receives the code. */
export default function Phone() {
  const { route } = useLocation()
  const value = useSignal('')
  const error = useSignal('')
  const busy = useSignal(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    const phone = toE164(value.value)
    if (!phone) return void (error.value = t('err.phone'))
    busy.value = true
    error.value = ''
    const res = await api('POST', '/api/residents/otp/request', { phone, language: lang() })
    busy.value = false
    if (!res.ok) {
      const { status, retryAfter, key, message } = res.error
      if (status === 429 && retryAfter) resendAt.set(phone, Date.now() + retryAfter * 1000)
      error.value =
        status === 400 ? t('err.phone') : key ? t(key, { s: retryAfter ?? 60 }) : message
      if (status !== 429) return
    } else resendAt.set(phone, Date.now() + (retryAfter(res.headers) ?? 30) * 1000)
    if (res.ok) route(`/sign-in/code?phone=${encodeURIComponent(phone)}`)
  }

  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('phone.title')}</h1>
      <p>{t('phone.intro')}</p>
      <Field id="phone" label={t('phone.label')} hint={t('phone.hint')} error={error.value}>
        {(aria) => (
          <input
            {...aria}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={value.value}
            onInput={(e) => (value.value = e.currentTarget.value)}
          />
        )}
      </Field>
      <Button type="submit" disabled={busy.value}>
        {busy.value ? t('common.loading') : t('phone.send')}
      </Button>
    </form>
  )
}
