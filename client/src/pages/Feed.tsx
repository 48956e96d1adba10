import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'

import type { Task } from '../api/types'
import { rewardText, statusText } from '../components/TaskMeta'
import { Banner, Button, ui } from '../components/ui'
import { formatDate, t } from '../i18n'
import {
  feed,
  feedError,
  feedHasMore,
  feedLoading,
  feedSavedAt,
  feedStale,
  loadFeed,
} from '../models/feed'
import { outbox } from '../models/outbox'
import css from './Feed.module.css'

const PULL = 70

const TaskCard = ({ task }: { task: Task }) => {
  const queued = outbox.value.some((item) => item.task === task.id)
  const status = queued ? 'queued' : (task.mySubmission?.status ?? 'none')
  return (
    <a class={css.card} href={`/tasks/${task.id}`}>
      <div class={css.top}>
        <h2 class={css.title}>{task.title}</h2>
        <span class={css.reward}>{rewardText(task.reward)}</span>
      </div>
      <p class={css.meta}>
        {task.endsAt ? t('feed.until', { date: formatDate(task.endsAt) }) : t('feed.noDeadline')}
        {' · '}
        {task.nationwide ? t('feed.nationwide') : t('feed.local')}
      </p>
      {task.organization && <p class={css.meta}>{t('feed.by', { org: task.organization.name })}</p>}
      <p class={css.status}>
        <span class={ui.badge}>{statusText(status)}</span>
      </p>
    </a>
  )
}

/** `/feed`: the tasks for the resident's area; pull down (or tap Refresh) to reload. */
export default function Feed() {
  const pull = useSignal(0)
  useEffect(() => void loadFeed(), [])

  let startY: number | undefined
  const onTouchStart = (e: TouchEvent) => {
    startY = scrollY === 0 ? e.touches[0].clientY : undefined
  }
  const onTouchMove = (e: TouchEvent) => {
    if (startY !== undefined) pull.value = Math.max(0, Math.min(100, e.touches[0].clientY - startY))
  }
  const onTouchEnd = () => {
    if (pull.value >= PULL) void loadFeed()
    pull.value = 0
    startY = undefined
  }

  const tasks = feed.value
  return (
    <section onTouchStart={onTouchStart} onTouchMove={onTouchMove} onTouchEnd={onTouchEnd}>
      <div class={css.pull} style={{ height: `${pull.value / 2}px` }} aria-hidden="true">
        {pull.value >= PULL ? t('feed.refresh') : t('feed.pull')}
      </div>
      <div class={css.head}>
        <h1>{t('feed.title')}</h1>
        <Button kind="secondary" onClick={() => void loadFeed()} disabled={feedLoading.value}>
          {feedLoading.value ? t('feed.refreshing') : t('feed.refresh')}
        </Button>
      </div>
      <p class={ui.hint} />
      {feedStale.value && feedSavedAt.value && (
        <Banner>{t('feed.saved', { time: formatDate(feedSavedAt.value, true) })}</Banner>
      )}
      {feedError.value && !tasks && (
        <Banner>
          {feedError.value.key ? t(feedError.value.key, { s: 60 }) : feedError.value.message}
        </Banner>
      )}
      {tasks === undefined && !feedError.value && <p role="status">{t('common.loading')}</p>}
      {tasks?.length === 0 && <p>{t('feed.empty')}</p>}
      {tasks?.map((task) => (
        <TaskCard key={task.id} task={task} />
      ))}
      {feedHasMore.value && (
        <Button kind="secondary" onClick={() => void loadFeed({ more: true })}>
          {t('common.more')}
        </Button>
      )}
    </section>
  )
}
