import { useSignal } from '@preact/signals'
import { useLocation } from 'preact-iso'

import { api, type ApiError } from '../api/client'
import type { Resident } from '../api/types'
import { Banner, Button, Field, ui } from '../components/ui'
import { lang, t, type Lang } from '../i18n'
import { chooseLanguage, forget, me, signOut } from '../models/session'
import { prettyPhone, toE164 } from './SignIn/phone'

const say = (error: ApiError) =>
  error.key ? t(error.key, { s: error.retryAfter ?? 60 }) : error.message

const Name = ({ user }: { user: Resident }) => {
  const name = useSignal(user.name ?? '')
  const status = useSignal<{ ok: boolean; text: string } | undefined>(undefined)
  const save = async (event: Event) => {
    event.preventDefault()
    const res = await api<{ doc: Resident }>('PATCH', `/api/residents/${user.id}`, {
      name: name.value,
    })
    if (res.ok) me.value = { ...user, name: name.value }
    status.value = res.ok
      ? { ok: true, text: t('profile.saved') }
      : { ok: false, text: res.error.fields?.name ?? say(res.error) }
  }
  return (
    <form onSubmit={save} noValidate class={ui.card}>
      <Field
        id="name"
        label={t('profile.name')}
        hint={t('profile.nameHint')}
        error={status.value?.ok === false ? status.value.text : undefined}
      >
        {(aria) => (
          <input
            {...aria}
            autoComplete="name"
            maxLength={120}
            value={name.value}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
        )}
      </Field>
      {status.value?.ok && <Banner ok>{status.value.text}</Banner>}
      <Button type="submit">{t('common.save')}</Button>
    </form>
  )
}

/** A new GCash number counts only once the code texted to it is confirmed. */
const Gcash = ({ user }: { user: Resident }) => {
  const number = useSignal('')
  const code = useSignal('')
  const staged = useSignal<string | undefined>(undefined)
  const error = useSignal('')
  const done = useSignal(false)
  const request = async (event: Event) => {
    event.preventDefault()
    const phone = toE164(number.value)
    if (!phone) return void (error.value = t('err.phone'))
    error.value = ''
    const res = await api('POST', '/api/residents/me/payout-account', { gcashNumber: phone })
    if (!res.ok)
      return void (error.value = res.error.status === 400 ? t('err.phone') : say(res.error))
    staged.value = phone
  }
  const confirm = async (event: Event) => {
    event.preventDefault()
    const res = await api<{ user: Resident }>('POST', '/api/residents/me/payout-account/confirm', {
      code: code.value.replace(/\D/g, ''),
    })
    if (!res.ok)
      return void (error.value = res.error.status === 401 ? t('err.code') : say(res.error))
    me.value = { ...user, gcashNumber: res.data.user.gcashNumber }
    staged.value = undefined
    done.value = true
  }
  const current = user.gcashNumber ? prettyPhone(user.gcashNumber) : t('profile.gcashSame')
  return (
    <div class={ui.card}>
      <h2>{t('profile.gcash')}</h2>
      <p>{t('profile.gcashCurrent', { number: current })}</p>
      {done.value && <Banner ok>{t('profile.gcashDone')}</Banner>}
      {!staged.value ? (
        <form onSubmit={request} noValidate>
          <Field
            id="gcash"
            label={t('profile.gcashChange')}
            hint={t('profile.gcashHint')}
            error={error.value}
          >
            {(aria) => (
              <input
                {...aria}
                type="tel"
                inputMode="tel"
                value={number.value}
                onInput={(e) => (number.value = e.currentTarget.value)}
              />
            )}
          </Field>
          <Button type="submit" kind="secondary">
            {t('phone.send')}
          </Button>
        </form>
      ) : (
        <form onSubmit={confirm} noValidate>
          <p>{t('code.sentTo', { phone: prettyPhone(staged.value) })}</p>
          <Field id="gcash-code" label={t('profile.gcashCode')} error={error.value}>
            {(aria) => (
              <input
                {...aria}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                value={code.value}
                onInput={(e) => (code.value = e.currentTarget.value)}
              />
            )}
          </Field>
          <Button type="submit">{t('profile.gcashConfirm')}</Button>
        </form>
      )}
    </div>
  )
}

const Erase = () => {
  const { route } = useLocation()
  const word = useSignal('')
  const error = useSignal('')
  const erase = async (event: Event) => {
    event.preventDefault()
    if (word.value.trim().toUpperCase() !== t('profile.deleteWord')) return
    const res = await api('DELETE', '/api/residents/me')
    if (!res.ok) return void (error.value = say(res.error))
    forget()
    route('/')
  }
  return (
    <form onSubmit={erase} noValidate class={ui.card}>
      <h2>{t('profile.delete')}</h2>
      <p>{t('profile.deleteHint')}</p>
      <Field id="erase" label={t('profile.deleteConfirm')} error={error.value}>
        {(aria) => (
          <input
            {...aria}
            autoComplete="off"
            value={word.value}
            onInput={(e) => (word.value = e.currentTarget.value)}
          />
        )}
      </Field>
      <Button
        type="submit"
        kind="danger"
        disabled={word.value.trim().toUpperCase() !== t('profile.deleteWord')}
      >
        {t('profile.delete')}
      </Button>
    </form>
  )
}

/** Downloads everything held about the resident, as the server's JSON export. */
const Export = () => {
  const error = useSignal('')
  const download = async () => {
    const res = await api('GET', '/api/residents/me/export')
    if (!res.ok) return void (error.value = say(res.error))
    error.value = ''
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(res.data, null, 2)], { type: 'application/json' }),
    )
    Object.assign(document.createElement('a'), {
      href: url,
      download: 'bayanet-my-data.json',
    }).click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return (
    <div class={ui.card}>
      <h2>{t('profile.exportTitle')}</h2>
      <p>{t('profile.exportHint')}</p>
      {error.value && <Banner>{error.value}</Banner>}
      <Button kind="secondary" onClick={() => void download()}>
        {t('profile.export')}
      </Button>
    </div>
  )
}

/** `/profile`: name, language, barangay, GCash number, consents, export, erasure, sign-out. */
export default function Profile() {
  const { route } = useLocation()
  const user = me.value!
  const home = typeof user.homeBarangay === 'object' ? user.homeBarangay : undefined
  return (
    <section>
      <h1>{t('profile.title')}</h1>
      <p>{t('profile.phone', { phone: prettyPhone(user.phone) })}</p>
      <Name user={user} />
      <div class={ui.card}>
        <Field id="language" label={t('profile.language')}>
          {(aria) => (
            <select
              {...aria}
              value={lang()}
              onChange={(e) => void chooseLanguage(e.currentTarget.value as Lang)}
            >
              <option value="fil">Filipino</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
      </div>
      <div class={ui.card}>
        <h2>{t('profile.barangay')}</h2>
        {home && <p>{home.label ?? home.name}</p>}
        <a class={[ui.button, ui.secondary].join(' ')} href="/barangay">
          {t('profile.changeBarangay')}
        </a>
      </div>
      <Gcash user={user} />
      <div class={ui.card}>
        <a class={[ui.button, ui.secondary].join(' ')} href="/consent">
          {t('profile.consents')}
        </a>
      </div>
      <Export />
      <Erase />
      <Button
        kind="secondary"
        onClick={async () => {
          await signOut()
          route('/')
        }}
      >
        {t('profile.signOut')}
      </Button>
    </section>
  )
}
