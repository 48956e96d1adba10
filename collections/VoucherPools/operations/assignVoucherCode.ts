import type { Payload, PayloadRequest } from 'payload'

import { query } from '../../../src/lib/sql'

type Assigned = { id: number; code: string }

/**
 * Gives `rewardId` one free code from `poolId`, or the code it already has. One statement:
 * the free row is taken with `FOR UPDATE SKIP LOCKED`, so concurrent rewards take different
 * codes without waiting on each other, and the unique index on `reward_id` refuses a second
 * code for the same reward. Returns undefined when the pool is empty.
 */
export const assignVoucherCode = async (
  payload: Payload,
  poolId: number,
  rewardId: number,
): Promise<Assigned | undefined> => {
  const mine = () =>
    query<Assigned>({ payload }, 'SELECT id, code FROM voucher_codes WHERE reward_id = $1', [
      rewardId,
    ])
  const [held] = await mine()
  if (held) return held
  try {
    const [taken] = await query<Assigned>(
      { payload },
      `UPDATE voucher_codes SET reward_id = $2, assigned_at = now(), updated_at = now()
        WHERE id = (SELECT id FROM voucher_codes
                     WHERE pool_id = $1 AND reward_id IS NULL
                     ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, code`,
      [poolId, rewardId],
    )
    return taken
  } catch (err) {
    // Another attempt for this same reward won the race: keep its code.
    if ((err as { code?: string }).code === '23505') return (await mine())[0]
    throw err
  }
}

/** Codes in `poolId` not yet given to a reward. */
export const remainingCodes = async (
  target: { payload: Payload; req?: PayloadRequest },
  poolId: number,
) => {
  const [row] = await query<{ n: string }>(
    target,
    'SELECT count(*) AS n FROM voucher_codes WHERE pool_id = $1 AND reward_id IS NULL',
    [poolId],
  )
  return Number(row?.n ?? 0)
}
