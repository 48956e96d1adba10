import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { formatPhp } from '../../../src/lib/money'
import { transactionSql, withGuardFlag } from '../../../src/lib/pg'

/** Submissions that hold a place under the total cap: all but rejected ones. */
const HOLDING = sql`status <> 'rejected'`
/** Submissions whose reward may still be reserved: not decided yet. */
const OUTSTANDING = sql`status IN ('pending', 'needs_review')`

/**
 * Why the task cannot take one more submission, or undefined when it can: its total cap is
 * reached, or its budget cannot pay the rewards of the submissions still waiting plus this one.
 * Call it under the task's lock (see createSubmission) so two submissions cannot both fit.
 */
export const taskCapacityProblem = async (
  req: PayloadRequest,
  taskId: number,
): Promise<string | undefined> => {
  const run = await transactionSql(req)
  let row: {
    total: number | null
    held: number
    budget: number | null
    left: number
    amount: number
  }
  if (run) {
    const [found] = await run(sql`
      SELECT t.caps_total AS total, t.budget AS budget, t.reward_amount AS amount,
        (SELECT count(*) FROM submissions s WHERE s.task_id = t.id AND ${HOLDING}) AS held,
        t.budget - t.budget_reserved - t.budget_spent - (
          SELECT coalesce(sum(s.reward_amount), 0) FROM submissions s
          WHERE s.task_id = t.id AND ${OUTSTANDING}) AS left
      FROM tasks t WHERE t.id = ${taskId}`)
    if (!found) return undefined
    row = {
      total: found.total == null ? null : Number(found.total),
      held: Number(found.held),
      budget: found.budget == null ? null : Number(found.budget),
      left: Number(found.left),
      amount: Number(found.amount),
    }
  } else {
    const { payload } = req
    const task = await payload.findByID({ collection: 'tasks', id: taskId, depth: 0, req })
    const held = await payload.count({
      collection: 'submissions',
      where: { task: { equals: taskId }, status: { not_equals: 'rejected' } },
      req,
    })
    const waiting = await payload.find({
      collection: 'submissions',
      where: { task: { equals: taskId }, status: { in: ['pending', 'needs_review'] } },
      pagination: false,
      select: { rewardAmount: true },
      req,
    })
    const outstanding = waiting.docs.reduce((sum, doc) => sum + (doc.rewardAmount ?? 0), 0)
    row = {
      total: task.caps?.total ?? null,
      held: held.totalDocs,
      budget: task.budget ?? null,
      left: (task.budget ?? 0) - (task.budgetReserved ?? 0) - (task.budgetSpent ?? 0) - outstanding,
      amount: task.reward?.amount ?? 0,
    }
  }
  if (row.total !== null && row.held >= row.total) {
    return 'This task has all the submissions it needs. Thank you; look for other tasks in your feed.'
  }
  if (row.budget !== null && row.left < row.amount) {
    return `This task's budget is used up (${formatPhp(Math.max(0, row.left))} left). Look for other tasks in your feed.`
  }
  return undefined
}

/**
 * Recomputes the task's `exhausted` flag, which keeps a task without places or budget out of
 * the feed. Called in the same transaction as every change that moves it.
 */
export const refreshTaskCapacity = async (req: PayloadRequest, taskId: number) => {
  const problem = await taskCapacityProblem(req, taskId)
  const run = await transactionSql(req)
  if (run) {
    await withGuardFlag(run, 'bayanet.budget', () =>
      run(sql`UPDATE tasks SET exhausted = ${Boolean(problem)} WHERE id = ${taskId}`),
    )
    return
  }
  await req.payload.update({
    collection: 'tasks',
    id: taskId,
    data: { exhausted: Boolean(problem) },
    overrideAccess: true,
    context: { budgetOnly: true },
    req,
  })
}
