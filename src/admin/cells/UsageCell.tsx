import type { Payload } from 'payload'
import React from 'react'

import { taskStats } from '../../../collections/Tasks/operations/taskStats'
import { peso } from '../../lib/format'

/** Submissions against the total cap, or pesos spent against the budget, for one task row. */
export const UsageCell = async ({
  rowData,
  payload,
  field,
}: {
  rowData: Record<string, any>
  payload: Payload
  field: { name: string }
}) => {
  const stats = (await taskStats(payload, [rowData.id])).get(rowData.id)
  if (!stats) return null
  if (field.name === 'submissionsColumn') {
    const cap = rowData.caps?.total
    return (
      <span>
        {stats.submissions.toLocaleString('en-PH')}
        {cap ? ` / ${cap.toLocaleString('en-PH')}` : ''}
        {stats.waiting > 0 && <span style={{ color: '#8a5a00' }}> · {stats.waiting} waiting</span>}
      </span>
    )
  }
  const budget = rowData.budget
  const over = budget != null && stats.spent >= budget
  return (
    <span style={over ? { color: '#a4161a', fontWeight: 600 } : undefined}>
      {peso(stats.spent)} / {budget == null ? 'no limit' : peso(budget)}
    </span>
  )
}

export default UsageCell
