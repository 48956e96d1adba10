import type { Payload } from 'payload'

/** What a task has used: submissions by status and rewards by status (count and pesos). */
export type TaskStats = {
  submissions: number
  waiting: number
  rewards: Record<string, { count: number; amount: number }>
  /** Pesos committed: reserved, being paid or paid. */
  spent: number
}

const SPENDING = ['reserved', 'issuing', 'issued']

const empty = (): TaskStats => ({ submissions: 0, waiting: 0, rewards: {}, spent: 0 })

/**
 * Usage of several tasks at once, for the admin's list and dashboard. One grouped query per
 * table on Postgres; the Local API elsewhere. Callers pass only tasks the viewer can read.
 */
export const taskStats = async (payload: Payload, taskIds: number[]) => {
  const stats = new Map<number, TaskStats>(taskIds.map((id) => [id, empty()]))
  if (!taskIds.length) return stats
  const pool = (payload.db as unknown as { pool?: import('pg').Pool }).pool
  if (pool) {
    const subs = await pool.query<{ task_id: number; status: string; n: string }>(
      `SELECT task_id, status, count(*) AS n FROM submissions WHERE task_id = ANY($1::int[]) GROUP BY 1, 2`,
      [taskIds],
    )
    for (const row of subs.rows)
      add(stats.get(row.task_id), 'submission', row.status, Number(row.n), 0)
    const rewards = await pool.query<{
      task_id: number
      status: string
      n: string
      amount: string
    }>(
      `SELECT task_id, status, count(*) AS n, coalesce(sum(amount), 0) AS amount
       FROM rewards WHERE task_id = ANY($1::int[]) GROUP BY 1, 2`,
      [taskIds],
    )
    for (const row of rewards.rows) {
      add(stats.get(row.task_id), 'reward', row.status, Number(row.n), Number(row.amount))
    }
    return stats
  }
  for (const id of taskIds) {
    const subs = await payload.find({
      collection: 'submissions',
      where: { task: { equals: id } },
      pagination: false,
      depth: 0,
      select: { status: true },
      overrideAccess: true,
    })
    for (const sub of subs.docs) add(stats.get(id), 'submission', sub.status, 1, 0)
    const rewards = await payload.find({
      collection: 'rewards',
      where: { task: { equals: id } },
      pagination: false,
      depth: 0,
      select: { status: true, amount: true },
      overrideAccess: true,
    })
    for (const reward of rewards.docs) add(stats.get(id), 'reward', reward.status, 1, reward.amount)
  }
  return stats
}

const add = (
  into: TaskStats | undefined,
  kind: 'submission' | 'reward',
  status: string,
  count: number,
  amount: number,
) => {
  if (!into) return
  if (kind === 'submission') {
    into.submissions += count
    if (status === 'needs_review' || status === 'pending') into.waiting += count
    return
  }
  const entry = (into.rewards[status] ??= { count: 0, amount: 0 })
  entry.count += count
  entry.amount += amount
  if (SPENDING.includes(status)) into.spent += amount
}
