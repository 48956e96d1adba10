'use client'
import type { UIFieldClientComponent } from 'payload'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Figures = {
  thresholds: { approveBelow: number; rejectAbove: number | null }
  leanRejectAbove: number
  total: number
  autoApproved: number
  autoRejected: number
  reviewed: number
  approvedByReviewer: number
  rejectedByReviewer: number
  overruled: number
  overruleRate: number | null
  awaitingDecision: number
  scoringFailed: number
}

const row = (label: string, value: React.ReactNode) => (
  <tr key={label}>
    <th style={{ textAlign: 'left', fontWeight: 'normal', padding: '2px 16px 2px 0' }}>{label}</th>
    <td style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</td>
  </tr>
)

/**
 * On a task's edit view: how its submissions were decided (automatically or by a reviewer) and
 * how often reviewers overruled the score — what a manager needs to set the thresholds above.
 */
export const ScoringFigures: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  const [figures, setFigures] = useState<Figures | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!id) return
    fetch(`/api/tasks/${id}/scoring-figures`, { credentials: 'include' })
      .then(async (res) => {
        const body = await res.json()
        if (!res.ok) throw new Error(body?.errors?.[0]?.message ?? res.statusText)
        setFigures(body)
      })
      .catch((err: Error) => setError(err.message))
  }, [id])
  if (!id) return null
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 8px' }}>Scoring figures</h4>
      {error && <p>{error}</p>}
      {!figures && !error && <p>Loading…</p>}
      {figures && (
        <table>
          <tbody>
            {row('Submissions', figures.total)}
            {row('Approved automatically', figures.autoApproved)}
            {row('Rejected automatically', figures.autoRejected)}
            {row(
              'Decided by a reviewer',
              `${figures.reviewed} (${figures.approvedByReviewer} approved, ${figures.rejectedByReviewer} rejected)`,
            )}
            {row(
              `Reviewer overruled the score (approved above ${figures.leanRejectAbove}, or rejected at or below it)`,
              figures.overruleRate == null
                ? '—'
                : `${figures.overruled} (${Math.round(figures.overruleRate * 100)}%)`,
            )}
            {row('Waiting for a decision', figures.awaitingDecision)}
            {row('Scoring failed (sent to review)', figures.scoringFailed)}
          </tbody>
        </table>
      )}
    </div>
  )
}
