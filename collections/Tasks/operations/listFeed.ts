import type { PayloadRequest, Where } from 'payload'

import { asResident } from '../../../src/access/roles'
import { placeLineage } from '../../../src/lib/geography'
import type { Task } from '../../../src/payload-types'
import { openTaskWhere } from './openTaskWhere'
import { HttpError } from '../../../src/lib/errors'

/** One feed entry: the task plus what this resident has done with it. */
export type FeedItem = Pick<
  Task,
  'id' | 'title' | 'description' | 'reward' | 'endsAt' | 'nationwide'
> & {
  /** The whole form: what the app needs to ask each question. */
  fields: {
    name?: string | null
    label: string
    type: string
    required: boolean
    options: string[]
  }[]
  organization: { id: number; name: string } | null
  mySubmission: { id: number; status: string } | null
}

/**
 * Open tasks that target the resident's barangay or any place above it, or the whole country.
 * Without a home barangay a resident sees nationwide tasks only. `now` is the clock (tests fix it).
 */
export const listFeed = async (
  req: PayloadRequest,
  { page = 1, limit = 20, now = new Date() }: { page?: number; limit?: number; now?: Date } = {},
) => {
  const resident = asResident(req.user)
  if (!resident) throw new HttpError('Sign in with your phone to see tasks near you.', 401)
  const { payload } = req
  const home =
    typeof resident.homeBarangay === 'object' ? resident.homeBarangay?.id : resident.homeBarangay
  const lineage = home ? await placeLineage(payload, home, req) : []
  const reach: Where = lineage.length
    ? { or: [{ nationwide: { equals: true } }, { targets: { in: lineage } }] }
    : { nationwide: { equals: true } }

  const tasks = await payload.find({
    collection: 'tasks',
    where: { and: [openTaskWhere(now), { exhausted: { not_equals: true } }, reach] },
    sort: ['-createdAt', '-id'],
    page,
    limit,
    depth: 1,
    populate: { organizations: { name: true }, places: { code: true }, campaigns: { name: true } },
    // Residents may read published tasks, which openTaskWhere already requires; targets are a
    // staff-only field, so filtering on them needs the override. The mapping below keeps the
    // output to the feed's fields. No `select`: it drops the form's hasMany `options`.
    overrideAccess: true,
    req,
  })
  const taskIds = tasks.docs.map((task) => task.id)
  const mine = taskIds.length
    ? await payload.find({
        collection: 'submissions',
        where: { task: { in: taskIds } },
        sort: '-createdAt',
        limit: taskIds.length * 5,
        depth: 0,
        select: { task: true, status: true },
        overrideAccess: false,
        user: req.user,
        req,
      })
    : { docs: [] }
  const latestByTask = new Map<number, { id: number; status: string }>()
  for (const sub of mine.docs) {
    const taskId = typeof sub.task === 'object' ? sub.task.id : sub.task
    if (!latestByTask.has(taskId)) latestByTask.set(taskId, { id: sub.id, status: sub.status })
  }

  const docs: FeedItem[] = tasks.docs.map((task) => ({
    id: task.id,
    title: task.title,
    description: task.description,
    fields: (task.fields ?? []).map(({ name, label, type, required, options }) => ({
      name,
      label,
      type,
      required: Boolean(required),
      options: options ?? [],
    })),
    reward: task.reward,
    endsAt: task.endsAt,
    nationwide: task.nationwide,
    organization:
      task.organization && typeof task.organization === 'object'
        ? { id: task.organization.id, name: task.organization.name }
        : null,
    mySubmission: latestByTask.get(task.id) ?? null,
  }))
  const { totalDocs, totalPages, hasNextPage, hasPrevPage } = tasks
  return { docs, page: tasks.page, limit, totalDocs, totalPages, hasNextPage, hasPrevPage }
}
