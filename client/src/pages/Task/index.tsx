import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { useRoute } from 'preact-iso'

import { api } from '../../api/client'
import type { Question as Q, Task } from '../../api/types'
import { rewardText, statusText } from '../../components/TaskMeta'
import { Banner, Button, ui } from '../../components/ui'
import { formatDate, t } from '../../i18n'
import { uuid } from '../../lib/uuid'
import { feed, loadFeed } from '../../models/feed'
import { outbox } from '../../models/outbox'
import { Location, type Where } from './Location'
import { Photo } from './Photo'
import { Question } from './Question'
import css from './Task.module.css'

const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

/** Client-side checks, so most mistakes show at once and offline too; the server checks again. */
const check = (questions: Q[], answers: Record<string, unknown>) => {
  const errors: Record<string, string> = {}
  for (const q of questions) {
    const value = answers[q.name]
    const none = isEmpty(value) || (Array.isArray(value) && value.length === 0)
    if (none || (q.type === 'checkbox' && value !== true && q.required)) {
      if (q.required) errors[q.name] = t('task.missing')
    } else if (q.type === 'number' && !Number.isFinite(Number(value))) {
      errors[q.name] = t('task.number')
    }
  }
  return errors
}

/** `/tasks/:id`: what the task asks, and its form generated from the task's questions. */
export default function TaskPage() {
  const { params } = useRoute()
  const id = Number(params.id)
  const task = useSignal<Task | null | undefined>(undefined)
  const answers = useSignal<Record<string, unknown>>({})
  const errors = useSignal<Record<string, string>>({})
  const result = useSignal<{ ok: boolean; text: string } | undefined>(undefined)
  const busy = useSignal(false)

  useEffect(() => {
    const fromFeed = () => feed.value?.find((item) => item.id === id)
    const found = fromFeed()
    if (found) return void (task.value = found)
    void loadFeed().then(() => (task.value = fromFeed() ?? null))
  }, [id])

  if (task.value === undefined) return <p role="status">{t('common.loading')}</p>
  if (task.value === null) {
    return (
      <section>
        <p>{t('task.notFound')}</p>
        <a class={ui.link} href="/feed">
          {t('common.back')}
        </a>
      </section>
    )
  }
  const current = task.value
  const questions = current.fields ?? []
  const waiting = outbox.value.find((item) => item.task === id)
  const done = current.mySubmission && current.mySubmission.status !== 'rejected'

  const set = (name: string, value: unknown) => {
    answers.value = { ...answers.value, [name]: value }
    if (errors.value[name]) errors.value = { ...errors.value, [name]: '' }
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    const found = check(questions, answers.value)
    errors.value = found
    if (Object.keys(found).length) {
      document.getElementById(`q-${Object.keys(found)[0]}`)?.focus()
      return
    }
    busy.value = true
    result.value = undefined
    const plain: Record<string, unknown> = {}
    let photo: Blob | undefined
    let photoField: string | undefined
    let location: Where | undefined
    for (const q of questions) {
      const value = answers.value[q.name]
      if (isEmpty(value) || (Array.isArray(value) && !value.length)) continue
      if (q.type === 'photo') [photo, photoField] = [value as Blob, q.name]
      else if (q.type === 'location') plain[q.name] = location = value as Where
      else plain[q.name] = q.type === 'number' ? Number(value) : value
    }
    const clientId = uuid()
    // The sender is fetched on the first submission, not with the page.
    const { discard, enqueue } = await import('../../models/sender')
    await enqueue({
      clientId,
      task: id,
      taskTitle: current.title,
      answers: plain,
      photo,
      photoField,
      location,
      createdAt: new Date().toISOString(),
    })
    busy.value = false
    const left = outbox.value.find((item) => item.clientId === clientId)
    if (!left) {
      result.value = { ok: true, text: t('task.sent') }
      answers.value = {}
    } else if (left.error) {
      // Refused: take it back out of the outbox so the resident can correct and send again,
      // with the server's words next to the question they name.
      await discard(clientId)
      const named = questions.filter(
        (q) => left.error!.includes(`(${q.name})`) || left.error!.includes(`"${q.label}"`),
      )
      errors.value = Object.fromEntries(named.map((q) => [q.name, left.error!]))
      result.value = { ok: false, text: left.error }
    } else result.value = { ok: true, text: t('task.queued') }
  }

  return (
    <article>
      <h1>{current.title}</h1>
      <p class={css.reward}>{rewardText(current.reward)}</p>
      <p class={ui.hint}>
        {current.endsAt
          ? t('feed.until', { date: formatDate(current.endsAt) })
          : t('feed.noDeadline')}
        {current.organization && ` · ${t('feed.by', { org: current.organization.name })}`}
      </p>
      {current.description && <p class={css.description}>{current.description}</p>}
      {result.value && <Banner ok={result.value.ok}>{result.value.text}</Banner>}
      {waiting && !result.value && <Banner>{t('task.queued')}</Banner>}
      {done && !result.value && (
        <Banner ok>{t('task.done', { status: statusText(current.mySubmission!.status) })}</Banner>
      )}
      {!done && !waiting && !result.value?.ok && (
        <form onSubmit={submit} noValidate class={ui.card}>
          <h2>{t('task.form')}</h2>
          {questions.map((q) =>
            q.type === 'photo' ? (
              <Photo
                key={q.name}
                q={q}
                value={answers.value[q.name] as Blob | undefined}
                error={errors.value[q.name]}
                onChange={(v) => set(q.name, v)}
              />
            ) : q.type === 'location' ? (
              <Location
                key={q.name}
                q={q}
                value={answers.value[q.name] as Where | undefined}
                error={errors.value[q.name]}
                onChange={(v) => set(q.name, v)}
              />
            ) : (
              <Question
                key={q.name}
                q={q}
                value={answers.value[q.name]}
                error={errors.value[q.name]}
                onChange={(v) => set(q.name, v)}
              />
            ),
          )}
          <Button type="submit" disabled={busy.value}>
            {busy.value ? t('task.sending') : t('task.submit')}
          </Button>
        </form>
      )}
    </article>
  )
}
