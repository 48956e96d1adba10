'use client'
import React, { useState } from 'react'

/** What an invitation produced: "emailed", or the link to copy and pass on. */
export type InviteOutcome = { email: string; sent: boolean; url?: string }

export const InviteResult = ({ outcome }: { outcome: InviteOutcome }) => {
  const [copied, setCopied] = useState(false)
  if (outcome.sent) {
    return (
      <p data-testid="invite-result" style={{ margin: '8px 0', color: '#14622c' }}>
        Invitation emailed to {outcome.email}. The link works for 7 days.
      </p>
    )
  }
  return (
    <div data-testid="invite-result" style={{ margin: '8px 0' }}>
      <p style={{ margin: '0 0 4px' }}>
        Email is not set up here: send {outcome.email} this link yourself (it works for 7 days).
      </p>
      <div style={{ display: 'flex', gap: 8 }}>
        <input
          readOnly
          value={outcome.url}
          data-testid="invite-link"
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, padding: '6px 8px', fontFamily: 'monospace', fontSize: 12 }}
        />
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={() =>
            navigator.clipboard?.writeText(outcome.url ?? '').then(() => setCopied(true))
          }
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  )
}
