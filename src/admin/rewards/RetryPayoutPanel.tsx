'use client'
import React, { useState } from 'react'

type Outcome = { tone: 'ok' | 'bad' | 'wait'; text: string }

const STATUS_WORDS: Record<string, string> = {
  issued: 'Paid.',
  reversed: 'Paid, then reversed by the provider.',
  issuing: 'Sent to the provider; waiting for its answer.',
  reserved: 'Waiting to be sent.',
}

const toneColor = { ok: '#2b8a3e', bad: '#a4161a', wait: '#5c5c5c' }

const box = (paid: boolean): React.CSSProperties => ({
  border: `1px solid ${paid ? '#2b8a3e' : '#c1121f'}`,
  background: paid ? '#ebfbee' : '#fff1f1',
  borderRadius: 8,
  padding: '12px 14px',
  marginBottom: 24,
  color: '#1a1a1a',
})

type Props = {
  rewardId: number
  /** Why the payout failed, in words. */
  reason: string
  /** The attempt, and whether its budget went back to the task. */
  detail: string
  /** Staff allowed to retry see the button; others only the reason. */
  canRetry: boolean
}

/**
 * The failed payout's box on a reward's page. "Retry payout" asks
 * `POST /api/rewards/:id/retry`, then follows the reward for a while and says how the new
 * attempt ended (paid, failed again and why, or still waiting). The page itself is left as it
 * is: a refresh would drop this box, and the answer with it, once the reward is no longer failed.
 */
export const RetryPayoutPanel = ({ rewardId, reason, detail, canRetry }: Props) => {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()
  const paid = outcome?.tone === 'ok'

  const follow = async (attempt: number) => {
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const res = await fetch(`/api/rewards/${rewardId}?depth=0`, { credentials: 'include' })
      if (!res.ok) continue
      const reward = (await res.json()) as { status: string; lastError?: string | null }
      if (reward.status === 'failed') {
        return setOutcome({
          tone: 'bad',
          text: `Attempt ${attempt} failed: ${reward.lastError || 'no reason given'}. Reload the page for the details.`,
        })
      }
      if (reward.status === 'issued' || reward.status === 'reversed') {
        return setOutcome({
          tone: 'ok',
          text: `${STATUS_WORDS[reward.status]} Reload the page to see the reward as it is now.`,
        })
      }
      setOutcome({ tone: 'wait', text: STATUS_WORDS[reward.status] ?? reward.status })
    }
  }

  const retry = async () => {
    setBusy(true)
    setOutcome(undefined)
    const res = await fetch(`/api/rewards/${rewardId}/retry`, {
      method: 'POST',
      credentials: 'include',
    })
    const body = await res.json().catch(() => ({}))
    if (!res.ok) {
      setBusy(false)
      return setOutcome({
        tone: 'bad',
        text: body?.errors?.[0]?.message ?? 'Could not retry this payout. Try again.',
      })
    }
    const reserved = Number(body.budgetReserved) > 0
    setOutcome({
      tone: 'wait',
      text: `Retry queued (attempt ${body.attempt}).${reserved ? ` ₱${body.budgetReserved} reserved again from the task's budget.` : ''}`,
    })
    await follow(body.attempt)
    setBusy(false)
  }

  return (
    <div style={box(paid)} data-testid="payout-failed">
      <strong>{paid ? 'Payout retried' : 'Payout failed'}</strong>
      {!paid && (
        <>
          <p style={{ margin: '6px 0' }} data-testid="payout-failed-reason">
            {reason}
          </p>
          <p style={{ margin: '6px 0', fontSize: 13 }}>{detail}</p>
        </>
      )}
      {canRetry && !paid && (
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          style={{ margin: '6px 0' }}
          disabled={busy}
          onClick={retry}
          data-testid="retry-payout"
        >
          {busy ? 'Retrying…' : 'Retry payout'}
        </button>
      )}
      {!canRetry && (
        <p style={{ margin: '6px 0', fontSize: 13 }}>
          An organisation manager or an admin can retry it.
        </p>
      )}
      {outcome && (
        <p
          role="status"
          data-testid="retry-payout-result"
          style={{ margin: '6px 0', color: toneColor[outcome.tone], fontWeight: 600 }}
        >
          {outcome.text}
        </p>
      )}
    </div>
  )
}

export default RetryPayoutPanel
