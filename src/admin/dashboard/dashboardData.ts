import type { Payload, Where } from 'payload'

import { taskStats, type TaskStats } from '../../../collections/Tasks/operations/taskStats'
import { asStaff, isAdminUser, organizationIds } from '../../access/roles'
import { startOfManilaDay } from '../../lib/manilaDay'
import type { Organization, Reward, Task } from '../../payload-types'

type Viewer = Parameters<typeof asStaff>[0]

/** Everything the dashboard shows, read with the viewer's own access. */
export type DashboardData = {
  organizations: string[]
  waiting: number
  decidedToday: number
  rewards: { issued: number; failed: number; waiting: number }
  failedRewards: Pick<Reward, 'id' | 'amount' | 'kind' | 'updatedAt'>[]
  activeTasks: {
    task: Pick<Task, 'id' | 'title' | 'budget' | 'caps' | 'endsAt'>
    stats: TaskStats
  }[]
  scheduled: number
  drafts: number
  /** Co-sponsorship invitations waiting for this organisation's answer. */
  invitations: { id: number; summary: string; from: string }[]
  /** For admins: the SMS circuit breaker opened within the last hour (possible SMS pumping). */
  smsBudgetAlert?: { at: string; budget?: number; reopensAt?: string }
}

/** The latest opening of the SMS circuit breaker within the last hour, read as an admin. */
const recentSmsBudgetAlert = async (payload: Payload, user: Viewer, now: Date) => {
  if (!isAdminUser(user)) return undefined
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: {
      and: [
        { action: { equals: 'sms.budget-exhausted' } },
        { createdAt: { greater_than: new Date(now.getTime() - 3600_000).toISOString() } },
      ],
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: asStaff(user),
  })
  const entry = docs[0]
  if (!entry) return undefined
  const data = (entry.data ?? {}) as { budget?: number; reopensAt?: string }
  return { at: entry.createdAt, budget: data.budget, reopensAt: data.reopensAt }
}

/** What needs the staff member: counts across their organisations (everyone's for admins). */
export const dashboardData = async (payload: Payload, user: Viewer): Promise<DashboardData> => {
  const staff = asStaff(user)
  const as = { overrideAccess: false, user: staff } as const
  const count = async (collection: 'submissions' | 'rewards' | 'tasks', where: Where) =>
    (await payload.count({ collection, where, ...as })).totalDocs
  const now = new Date()

  const organizations = isAdminUser(user)
    ? ['all organisations']
    : (
        await payload.find({
          collection: 'organizations',
          where: { id: { in: organizationIds(user) } },
          depth: 0,
          limit: 50,
          ...as,
        })
      ).docs.map((org: Organization) => org.name)

  const [waiting, decidedToday, issued, failed, waitingRewards, scheduled, drafts] =
    await Promise.all([
      count('submissions', { status: { equals: 'needs_review' } }),
      count('submissions', {
        and: [
          { status: { in: ['approved', 'rejected', 'auto_approved'] } },
          { updatedAt: { greater_than_equal: startOfManilaDay(now).toISOString() } },
        ],
      }),
      count('rewards', { status: { equals: 'issued' } }),
      count('rewards', { status: { equals: 'failed' } }),
      count('rewards', { status: { in: ['reserved', 'issuing'] } }),
      count('tasks', {
        and: [
          { status: { equals: 'published' } },
          { startsAt: { greater_than: now.toISOString() } },
        ],
      }),
      count('tasks', { status: { equals: 'draft' } }),
    ])

  const failedRewards = failed
    ? (
        await payload.find({
          collection: 'rewards',
          where: { status: { equals: 'failed' } },
          sort: '-updatedAt',
          limit: 5,
          depth: 0,
          ...as,
        })
      ).docs
    : []

  const active = await payload.find({
    collection: 'tasks',
    where: {
      and: [
        { status: { equals: 'published' } },
        {
          or: [
            { startsAt: { exists: false } },
            { startsAt: { less_than_equal: now.toISOString() } },
          ],
        },
        { or: [{ endsAt: { exists: false } }, { endsAt: { greater_than: now.toISOString() } }] },
      ],
    },
    sort: 'endsAt',
    limit: 10,
    depth: 0,
    ...as,
  })
  const stats = await taskStats(
    payload,
    active.docs.map((task) => task.id),
  )
  const invitations = isAdminUser(user)
    ? { docs: [] }
    : await payload.find({
        collection: 'sponsorships',
        where: {
          and: [{ status: { equals: 'pending' } }, { organization: { in: organizationIds(user) } }],
        },
        sort: '-createdAt',
        limit: 10,
        depth: 1,
        ...as,
      })
  const smsBudgetAlert = await recentSmsBudgetAlert(payload, user, now)
  return {
    smsBudgetAlert,
    invitations: invitations.docs.map((inv) => ({
      id: inv.id,
      summary: inv.summary ?? `Invitation #${inv.id}`,
      from:
        typeof inv.invitedByOrganization === 'object' && inv.invitedByOrganization
          ? inv.invitedByOrganization.name
          : 'another organisation',
    })),
    organizations,
    waiting,
    decidedToday,
    rewards: { issued, failed, waiting: waitingRewards },
    failedRewards,
    activeTasks: active.docs.map((task) => ({ task, stats: stats.get(task.id)! })),
    scheduled,
    drafts,
  }
}
