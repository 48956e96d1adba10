import type { Payload } from 'payload'

import type { PayoutState } from '../../../providers/payouts/types'
import type { Actor } from '../../../src/lib/audit'
import { fenceOf, transitionReward, type RewardRow } from './transition'

/**
 * Brings a reward in line with what its provider says, from the job, a webhook or
 * reconciliation alike. Only forward: a settled reward never moves back, except
 * `issued → reversed`; a reversal seen before its success records both. Each step is a fenced
 * transition on the state read in `row`; returns the new row, `row` itself when nothing had
 * to change, or undefined when a newer write won (counted by the fence).
 */
export const applyPayoutState = async (
  payload: Payload,
  row: RewardRow,
  state: PayoutState,
  { source, actor }: { source: string; actor?: Actor } = { source: 'job' },
): Promise<RewardRow | undefined> => {
  const audit = { source, providerStatus: 'providerStatus' in state ? state.providerStatus : null }
  if (state.status === 'not-found') return row
  if (state.status === 'pending') {
    if (row.status !== 'issuing') return row
    if (row.provider_ref === state.providerRef && row.provider_status === state.providerStatus) {
      return row
    }
    return transitionReward(payload, fenceOf(row), 'issuing', {
      set: { providerRef: state.providerRef, providerStatus: state.providerStatus ?? null },
      actor,
    })
  }
  if (state.status === 'failed') {
    if (row.status !== 'issuing') return row
    return transitionReward(payload, fenceOf(row), 'failed', {
      set: {
        providerRef: state.providerRef ?? row.provider_ref,
        providerStatus: state.providerStatus ?? null,
        lastError: state.reason.slice(0, 500),
      },
      actor,
      audit: { ...audit, reason: state.reason, retryable: state.retryable },
    })
  }
  // succeeded or reversed: money reached the resident.
  let current: RewardRow | undefined = row
  if (current.status === 'issuing') {
    current = await transitionReward(payload, fenceOf(current), 'issued', {
      set: {
        providerRef: state.providerRef,
        providerStatus: state.providerStatus ?? 'SUCCEEDED',
        voucherCode: state.status === 'succeeded' ? (state.voucherCode ?? null) : null,
        issuedAt: new Date(),
        lastError: null,
      },
      actor,
      audit: { ...audit, providerRef: state.providerRef },
    })
    if (!current) return undefined
  }
  if (state.status === 'reversed' && current.status === 'issued') {
    return transitionReward(payload, fenceOf(current), 'reversed', {
      set: { providerStatus: state.providerStatus ?? 'REVERSED', reversedAt: new Date() },
      actor,
      audit: { ...audit, providerRef: state.providerRef },
    })
  }
  return current
}
