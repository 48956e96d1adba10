import { signal } from '@preact/signals'

import { api, type ApiError } from '../api/client'
import type { Page, Task } from '../api/types'

/** The resident's tasks, as last loaded. */
export const feed = signal<Task[] | undefined>(undefined)
/** When the shown feed came from the server (ISO), for "saved list from …". */
export const feedSavedAt = signal<string | undefined>(undefined)
/** True when the shown feed is the saved copy because the server could not be reached. */
export const feedStale = signal(false)
export const feedLoading = signal(false)
export const feedError = signal<ApiError | undefined>(undefined)
export const feedHasMore = signal(false)
let page = 1

const SAVED = 'bayanet.feed'

/** Loads the first page (or the next one with `more`); falls back to the last saved feed. */
export const loadFeed = async ({ more = false } = {}) => {
  feedLoading.value = true
  const next = more ? page + 1 : 1
  const res = await api<Page<Task>>('GET', `/api/feed?page=${next}&limit=20`)
  feedLoading.value = false
  if (res.ok) {
    page = next
    feed.value = more ? [...(feed.value ?? []), ...res.data.docs] : res.data.docs
    feedHasMore.value = Boolean(res.data.hasNextPage)
    feedSavedAt.value = new Date().toISOString()
    feedStale.value = false
    feedError.value = undefined
    if (!more) {
      try {
        localStorage.setItem(SAVED, JSON.stringify({ at: feedSavedAt.value, docs: feed.value }))
      } catch {
        // storage full: the service worker's copy still helps
      }
    }
    return
  }
  feedError.value = res.error
  if (!more && !feed.value) {
    const saved = JSON.parse(localStorage.getItem(SAVED) ?? 'null')
    if (saved) {
      feed.value = saved.docs
      feedSavedAt.value = saved.at
      feedStale.value = true
    }
  } else if (feed.value) feedStale.value = res.error.status === 0
}

/** Marks a task as done in the shown feed after a submission went through. */
export const markSubmitted = (taskId: number, submission: { id: number; status: string }) => {
  feed.value = feed.value?.map((task) =>
    task.id === taskId ? { ...task, mySubmission: submission } : task,
  )
}
