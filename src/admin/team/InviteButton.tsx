'use client'
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

import { InviteResult, type InviteOutcome } from './InviteResult'

/** On a staff member's page: send (or make a link for) a new invitation to set a password. */
export const InviteButton = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ id: number; roles?: string[] }>()
  const [outcome, setOutcome] = useState<InviteOutcome>()
  const [error, setError] = useState('')
  if (!id || user?.id === id) return null
  if (!user?.roles?.some((role) => role === 'admin' || role === 'org-manager')) return null

  const invite = async () => {
    setError('')
    const res = await fetch(`/api/users/${id}/invite`, { method: 'POST', credentials: 'include' })
    const body = await res.json().catch(() => ({}))
    if (!res.ok) return setError(body?.errors?.[0]?.message ?? 'Could not invite them.')
    setOutcome(body)
  }
  return (
    <div style={{ marginBottom: 24 }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={invite}>
        Send a new invitation
      </button>
      {error && <p style={{ color: '#a4161a' }}>{error}</p>}
      {outcome && <InviteResult outcome={outcome} />}
    </div>
  )
}

export default InviteButton
