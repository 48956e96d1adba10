import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'

import { api } from '../api/client'
import type { Page, Submission } from '../api/types'
import { statusText } from '../components/TaskMeta'
import { Banner, Button, Field, ui } from '../components/ui'
import { formatDate, t } from '../i18n'
import { flushing, outbox } from '../models/outbox'
import { online } from '../models/network'

const titleOf = (s: Submission) => (typeof s.task === 'object' ? s.task.title : `#${s.task}`)

const Appeal = ({ submission, onDone }: { submission: Submission; onDone: () => void }) => {
  const open = useSignal(false)
  const message = useSignal('')
  const error = useSignal('')
  const busy = useSignal(false)
  if (!open.value) {
    return (
      <Button kind="secondary" onClick={() => (open.value = true)}>
        {t('subs.appeal')}
      </Button>
    )
  }
  const send = async (event: Event) => {
    event.preventDefault()
    busy.value = true
    const res = await api('POST', `/api/submissions/${submission.id}/appeal`, {
      message: message.value,
    })
    busy.value = false
    if (!res.ok)
      return void (error.value = res.error.key ? t(res.error.key, { s: 60 }) : res.error.message)
    onDone()
  }
  const id = `appeal-${submission.id}`
  return (
    <form onSubmit={send} noValidate>
      <Field id={id} label={t('subs.appealLabel')} error={error.value}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            maxLength={1000}
            value={message.value}
            onInput={(e) => (message.value = e.currentTarget.value)}
          />
        )}
      </Field>
      <Button type="submit" disabled={busy.value}>
        {t('subs.appealSend')}
      </Button>
    </form>
  )
}

const sender = () => import('../models/sender')

/** `/submissions`: what is waiting on the phone, and what the server has, with its status. */
export default function Submissions() {
  const list = useSignal<Submission[] | undefined>(undefined)
  const notice = useSignal('')
  const failed = useSignal('')
  const load = async () => {
    const res = await api<Page<Submission>>(
      'GET',
      '/api/submissions?depth=1&sort=-createdAt&limit=50&select[task]=true&select[status]=true&select[reviewNote]=true&select[appealedAt]=true&select[createdAt]=true&populate[tasks][title]=true',
    )
    if (res.ok) {
      list.value = res.data.docs
      failed.value = ''
    } else failed.value = res.error.key ? t(res.error.key, { s: 60 }) : res.error.message
  }
  useEffect(() => void load(), [flushing.value])

  return (
    <section>
      <h1>{t('subs.title')}</h1>
      {notice.value && <Banner ok>{notice.value}</Banner>}
      {outbox.value.length > 0 && (
        <>
          <h2>{t('outbox.count', { n: outbox.value.length })}</h2>
          {outbox.value.map((item) => (
            <div key={item.clientId} class={ui.card}>
              <h3 class={ui.title}>{item.taskTitle}</h3>
              <span class={ui.badge}>
                {item.error ? t('outbox.notSent') : statusText('queued')}
              </span>
              <p>
                {t(item.error ? 'outbox.saved' : 'outbox.item', {
                  time: formatDate(item.createdAt, true),
                })}
              </p>
              {item.error && (
                <>
                  <p class={ui.error}>{t('outbox.failed', { reason: item.error })}</p>
                  {item.privacy && (
                    <a class={[ui.button, ui.secondary].join(' ')} href="/consent">
                      {t('outbox.privacy')}
                    </a>
                  )}
                  <Button
                    kind="danger"
                    onClick={() => void sender().then((m) => m.discard(item.clientId))}
                  >
                    {t('common.cancel')}
                  </Button>
                </>
              )}
            </div>
          ))}
          {online.value && outbox.value.some((item) => !item.error) && (
            <Button onClick={() => void sender().then((m) => m.flush())} disabled={flushing.value}>
              {t('outbox.sendNow')}
            </Button>
          )}
        </>
      )}
      {failed.value && !list.value && <Banner>{failed.value}</Banner>}
      {list.value === undefined && !failed.value && <p role="status">{t('common.loading')}</p>}
      {list.value?.length === 0 && outbox.value.length === 0 && <p>{t('subs.empty')}</p>}
      {list.value?.map((s) => (
        <div key={s.id} class={ui.card}>
          <h2>{titleOf(s)}</h2>
          <span class={ui.badge}>{statusText(s.status)}</span>
          <p class={ui.hint}>{t('subs.sentAt', { time: formatDate(s.createdAt, true) })}</p>
          {s.status === 'rejected' && s.reviewNote && (
            <p>{t('subs.reason', { reason: s.reviewNote })}</p>
          )}
          {s.appealedAt && <p>{t('subs.appealed')}</p>}
          {s.status === 'rejected' && !s.appealedAt && (
            <Appeal
              submission={s}
              onDone={() => {
                notice.value = t('subs.appealed')
                void load()
              }}
            />
          )}
        </div>
      ))}
    </section>
  )
}
