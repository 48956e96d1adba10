import React from 'react'

import { manilaTime } from '../../lib/format'
import { taskTiming } from '../../lib/statusLabels'

const COLOURS: Record<string, [string, string]> = {
  Live: ['#e3f6e8', '#14622c'],
  Scheduled: ['#e6eefc', '#1c3f94'],
  Ended: ['#eee', '#555'],
  Draft: ['#fff4d6', '#7a5300'],
  Closed: ['#eee', '#555'],
}

/** A task's status as a person reads it: "Live", "Scheduled · from 1 Dec, 8:00 AM", "Draft". */
export const TaskStatusCell = ({ rowData }: { rowData: Record<string, any> }) => {
  const label = taskTiming(rowData)
  const [bg, fg] = COLOURS[label] ?? ['#eee', '#333']
  return (
    <span>
      <span
        style={{
          background: bg,
          color: fg,
          padding: '2px 8px',
          borderRadius: 10,
          fontWeight: 600,
          fontSize: 12,
        }}
      >
        {label}
      </span>
      {label === 'Scheduled' && (
        <span style={{ marginLeft: 6, fontSize: 12, opacity: 0.8 }}>
          from {manilaTime(rowData.startsAt)}
        </span>
      )}
    </span>
  )
}

export default TaskStatusCell
