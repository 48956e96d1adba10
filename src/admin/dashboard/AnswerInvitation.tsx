'use client'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

/** Accept or decline a co-sponsorship invitation from the dashboard. */
export const AnswerInvitation = ({ id }: { id: number }) => {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const answer = async (status: 'accepted' | 'declined') => {
    setBusy(true)
    setError('')
    const res = await fetch(`/api/sponsorships/${id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
    })
    setBusy(false)
    if (!res.ok) {
      const body = await res.json().catch(() => ({}))
      return setError(body?.errors?.[0]?.message ?? 'Could not save your answer.')
    }
    router.refresh()
  }
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <button
        type="button"
        disabled={busy}
        className="btn btn--style-primary btn--size-small"
        style={{ margin: 0 }}
        onClick={() => answer('accepted')}
      >
        Accept
      </button>
      <button
        type="button"
        disabled={busy}
        className="btn btn--style-secondary btn--size-small"
        style={{ margin: 0 }}
        onClick={() => answer('declined')}
      >
        Decline
      </button>
      {error && <span style={{ color: '#a4161a' }}>{error}</span>}
    </span>
  )
}

export default AnswerInvitation
