import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { HttpError } from '../../../src/lib/errors'
import { formatPhp, toCentavos, toPhp } from '../../../src/lib/money'
import { transactionSql, withGuardFlag } from '../../../src/lib/pg'
import { inRequestTransaction } from '../../../src/lib/transaction'
import { refreshTaskCapacity } from './capacity'

/**
 * A task's money: `budget` (PHP, empty = no limit) is split into `budgetReserved` (rewards
 * approved, not paid yet) and `budgetSpent` (paid). Each operation is one guarded UPDATE in
 * the caller's transaction (or its own when there is none), so concurrent approvals can never reserve more than the budget.
 */
export type BudgetMove = { taskId: number; amount: number }

const BUDGET_EXHAUSTED = (left: number, amount: number) =>
  `This task's budget is used up: ${formatPhp(left)} left, and this reward is ${formatPhp(amount)}. Raise the budget or reject the submission.`

type Run = NonNullable<Awaited<ReturnType<typeof transactionSql>>>

/** Runs budget statements with the flag the tasks' guard trigger asks for. */
const budgetWriter =
  (tx: Run): Run =>
  (query) =>
    withGuardFlag(tx, 'bayanet.budget', () => tx(query))

const checkAmount = (amount: number) => {
  if (!Number.isFinite(amount) || amount < 0) throw new Error(`bad budget amount ${amount}`)
  return toPhp(toCentavos(amount))
}

/** Without Postgres (MongoDB): the same rules through the Local API, not atomic. */
const fallback = async (
  req: PayloadRequest,
  taskId: number,
  change: (task: {
    budget: number | null
    reserved: number
    spent: number
  }) => { reserved: number; spent: number } | string,
) => {
  const task = await req.payload.findByID({ collection: 'tasks', id: taskId, depth: 0, req })
  const next = change({
    budget: task.budget ?? null,
    reserved: task.budgetReserved ?? 0,
    spent: task.budgetSpent ?? 0,
  })
  if (typeof next === 'string') throw new HttpError(next, 409)
  await req.payload.update({
    collection: 'tasks',
    id: taskId,
    data: { budgetReserved: next.reserved, budgetSpent: next.spent },
    overrideAccess: true,
    context: { budgetOnly: true },
    req,
  })
}

/** Reserves `amount` PHP of the task's budget for an approved reward; 409 when it does not fit. */
export const reserveBudget = (req: PayloadRequest, { taskId, amount }: BudgetMove) =>
  inRequestTransaction(req, async () => {
    const php = checkAmount(amount)
    const tx = await transactionSql(req)
    if (!tx) {
      await fallback(req, taskId, ({ budget, reserved, spent }) =>
        budget !== null && budget - reserved - spent < php
          ? BUDGET_EXHAUSTED(budget - reserved - spent, php)
          : { reserved: reserved + php, spent },
      )
      return
    }
    const run = budgetWriter(tx)
    const won = await run(sql`
    UPDATE tasks SET budget_reserved = budget_reserved + ${php}
    WHERE id = ${taskId} AND (budget IS NULL OR budget - budget_reserved - budget_spent >= ${php})
    RETURNING id`)
    if (won.length) {
      await refreshTaskCapacity(req, taskId)
      return
    }
    const [task] = await run(sql`
    SELECT budget - budget_reserved - budget_spent AS left FROM tasks WHERE id = ${taskId}`)
    if (!task) throw new HttpError(`Task ${taskId} does not exist.`, 404)
    throw new HttpError(BUDGET_EXHAUSTED(Math.max(0, Number(task.left)), php), 409)
  })

/**
 * Gives `amount` back to the task: a reserved reward that finally failed (`from: 'reserved'`),
 * or a paid one that was reversed (`from: 'spent'`).
 */
export const releaseBudget = (
  req: PayloadRequest,
  { taskId, amount, from = 'reserved' }: BudgetMove & { from?: 'reserved' | 'spent' },
) =>
  inRequestTransaction(req, async () => {
    const php = checkAmount(amount)
    const tx = await transactionSql(req)
    if (!tx) {
      await fallback(req, taskId, ({ reserved, spent }) =>
        from === 'reserved'
          ? { reserved: Math.max(0, reserved - php), spent }
          : { reserved, spent: Math.max(0, spent - php) },
      )
      return
    }
    const run = budgetWriter(tx)
    const done =
      from === 'reserved'
        ? await run(sql`UPDATE tasks SET budget_reserved = budget_reserved - ${php}
          WHERE id = ${taskId} AND budget_reserved >= ${php} RETURNING id`)
        : await run(sql`UPDATE tasks SET budget_spent = budget_spent - ${php}
          WHERE id = ${taskId} AND budget_spent >= ${php} RETURNING id`)
    if (!done.length) throw new Error(`task ${taskId} has less than ${php} ${from} to release`)
    await refreshTaskCapacity(req, taskId)
  })

/** Moves `amount` from reserved to spent when its reward is issued. */
export const settleBudget = (req: PayloadRequest, { taskId, amount }: BudgetMove) =>
  inRequestTransaction(req, async () => {
    const php = checkAmount(amount)
    const tx = await transactionSql(req)
    if (!tx) {
      await fallback(req, taskId, ({ reserved, spent }) => ({
        reserved: Math.max(0, reserved - php),
        spent: spent + php,
      }))
      return
    }
    const run = budgetWriter(tx)
    const done = await run(sql`
    UPDATE tasks SET budget_reserved = budget_reserved - ${php}, budget_spent = budget_spent + ${php}
    WHERE id = ${taskId} AND budget_reserved >= ${php} RETURNING id`)
    if (!done.length) throw new Error(`task ${taskId} has less than ${php} reserved to settle`)
  })
