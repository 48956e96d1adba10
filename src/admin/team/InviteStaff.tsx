'use client'
import { useAuth } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useState } from 'react'

import { InviteResult, type InviteOutcome } from './InviteResult'

type Org = { id: number; name: string }

const field: React.CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: 4,
  fontSize: 13,
}
const input: React.CSSProperties = { padding: '6px 8px', minWidth: 160 }

/**
 * Above the staff list: add a reviewer or manager to one of your organisations and invite them
 * to choose a password (by email when it is set up, otherwise a link to copy).
 */
export const InviteStaff = () => {
  const { user } = useAuth<{ roles?: string[] }>()
  const router = useRouter()
  const [orgs, setOrgs] = useState<Org[]>([])
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [outcome, setOutcome] = useState<InviteOutcome>()
  const canInvite = user?.roles?.some((role) => role === 'admin' || role === 'org-manager')

  useEffect(() => {
    if (!open) return
    fetch('/api/organizations?depth=0&limit=100&sort=name', { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then((body: { docs: Org[] }) => setOrgs(body.docs))
      .catch(() => {})
  }, [open])

  if (!canInvite) return null
  if (!open) {
    return (
      <div style={{ marginBottom: 16 }}>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          onClick={() => setOpen(true)}
        >
          Add someone to your team
        </button>
      </div>
    )
  }

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    setError('')
    setOutcome(undefined)
    const res = await fetch('/api/users/invite', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: form.get('email'),
        name: form.get('name'),
        role: form.get('role'),
        organization: form.get('organization') ? Number(form.get('organization')) : undefined,
      }),
    })
    const body = await res.json().catch(() => ({}))
    setBusy(false)
    if (!res.ok) {
      const messages = body?.errors?.map(
        (e: { message: string; data?: { errors?: { message: string }[] } }) =>
          e.data?.errors?.map((d) => d.message).join(' ') || e.message,
      )
      return setError(messages?.join(' ') || 'Could not add them. Try again.')
    }
    setOutcome(body)
    router.refresh()
  }

  return (
    <form
      onSubmit={submit}
      data-testid="invite-staff"
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 8,
        padding: 16,
        marginBottom: 16,
      }}
    >
      <strong>Add someone to your team</strong>
      <div
        style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end', marginTop: 8 }}
      >
        <label style={field}>
          Email
          <input name="email" type="email" required style={input} />
        </label>
        <label style={field}>
          Name
          <input name="name" style={input} />
        </label>
        <label style={field}>
          Role
          <select name="role" defaultValue="reviewer" style={input}>
            <option value="reviewer">Reviewer: reviews submissions</option>
            <option value="org-manager">Campaign manager: runs tasks and the team</option>
          </select>
        </label>
        <label style={field}>
          Organisation
          <select name="organization" style={input}>
            {orgs.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={busy}
          className="btn btn--style-primary btn--size-small"
          style={{ margin: 0 }}
        >
          {busy ? 'Adding…' : 'Add and invite'}
        </button>
      </div>
      {error && (
        <p role="alert" style={{ color: '#a4161a', margin: '8px 0 0' }}>
          {error}
        </p>
      )}
      {outcome && <InviteResult outcome={outcome} />}
    </form>
  )
}

export default InviteStaff
