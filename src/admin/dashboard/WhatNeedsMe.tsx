import type { Payload } from 'payload'
import React from 'react'

import { asStaff } from '../../access/roles'
import { manilaTime, peso } from '../../lib/format'
import { AnswerInvitation } from './AnswerInvitation'
import { dashboardData } from './dashboardData'

type Props = { payload: Payload; user?: Parameters<typeof asStaff>[0] }

const card: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 8,
  padding: '14px 16px',
  background: 'var(--theme-elevation-0)',
  textDecoration: 'none',
  color: 'inherit',
  display: 'block',
}
const big: React.CSSProperties = { fontSize: 30, fontWeight: 700, lineHeight: 1.1 }
const small: React.CSSProperties = { fontSize: 13, color: 'var(--theme-elevation-600)' }

const Stat = (props: {
  label: string
  value: number
  href: string
  note?: string
  alert?: boolean
  testId: string
}) => (
  <a
    href={props.href}
    data-testid={props.testId}
    style={{
      ...card,
      ...(props.alert ? { borderColor: '#c1121f', background: '#fff1f1' } : {}),
    }}
  >
    <div style={{ ...big, ...(props.alert ? { color: '#a4161a' } : {}) }}>
      {props.value.toLocaleString('en-PH')}
    </div>
    <div style={{ fontWeight: 600 }}>{props.label}</div>
    {props.note && <div style={small}>{props.note}</div>}
  </a>
)

const Bar = ({ used, of }: { used: number; of?: number | null }) => {
  const share = of ? Math.min(1, used / of) : 0
  return (
    <div
      style={{ height: 6, background: 'var(--theme-elevation-100)', borderRadius: 3, marginTop: 4 }}
    >
      <div
        style={{
          width: `${Math.round(share * 100)}%`,
          height: 6,
          borderRadius: 3,
          background: share >= 0.9 ? '#c1121f' : share >= 0.7 ? '#e0a100' : '#2b8a3e',
        }}
      />
    </div>
  )
}

/**
 * The top of the dashboard: what is waiting for this staff member across their organisations,
 * what was decided today, how payouts stand, and how each live task is using its budget and cap.
 */
export const WhatNeedsMe = async ({ payload, user }: Props) => {
  if (!user || !asStaff(user)) return null
  const data = await dashboardData(payload, user)
  const rewardsList = '/admin/collections/rewards'
  return (
    <section style={{ marginBottom: 32 }} data-testid="what-needs-me">
      {/* Submissions waiting for review: the workspace's card just above links to the queue. */}
      <h2 style={{ margin: '0 0 4px' }}>What needs you</h2>
      <p style={{ ...small, margin: '0 0 16px' }}>
        For {data.organizations.join(', ')} · Manila time
      </p>
      {data.smsBudgetAlert && (
        <div
          style={{ ...card, borderColor: '#c1121f', background: '#fff1f1', marginBottom: 12 }}
          data-testid="sms-budget-alert"
          role="alert"
        >
          <strong style={{ color: '#a4161a' }}>The hourly SMS budget is spent</strong>
          <div>
            Since {manilaTime(data.smsBudgetAlert.at)}, no sign-in codes go out
            {data.smsBudgetAlert.reopensAt
              ? ` until ${manilaTime(data.smsBudgetAlert.reopensAt)}`
              : ' for the rest of the hour'}
            {data.smsBudgetAlert.budget ? ` (budget ${data.smsBudgetAlert.budget} an hour)` : ''}. A
            sudden run of code requests may be SMS pumping.
          </div>
          <div style={small}>
            <a href="/admin/collections/audit-log?where[action][equals]=sms.budget-exhausted">
              See the audit log
            </a>{' '}
            · <a href="/admin/collections/sms-outbox">SMS outbox</a>
          </div>
        </div>
      )}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))',
          gap: 12,
        }}
      >
        <Stat
          testId="stat-decided"
          label="Decided today"
          value={data.decidedToday}
          href="/admin/collections/submissions?sort=-updatedAt"
        />
        <Stat
          testId="stat-paid"
          label="Rewards paid"
          value={data.rewards.issued}
          href={`${rewardsList}?where[status][equals]=issued`}
        />
        <Stat
          testId="stat-unpaid"
          label="Rewards waiting to be paid"
          value={data.rewards.waiting}
          href={`${rewardsList}?where[status][in]=reserved,issuing`}
        />
        <Stat
          testId="stat-failed"
          label="Payouts failed"
          value={data.rewards.failed}
          href={`${rewardsList}?where[status][equals]=failed`}
          note={data.rewards.failed ? 'Check the GCash number and retry' : undefined}
          alert={data.rewards.failed > 0}
        />
      </div>

      {data.invitations.length > 0 && (
        <div
          style={{ ...card, borderColor: '#1c3f94', background: '#eef3ff', marginTop: 12 }}
          data-testid="invitations"
        >
          <strong>Invitations waiting for your answer</strong>
          <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
            {data.invitations.map((inv) => (
              <li key={inv.id} style={{ margin: '6px 0' }}>
                {inv.from} asks you to {inv.summary.charAt(0).toLowerCase() + inv.summary.slice(1)}.{' '}
                <AnswerInvitation id={inv.id} />
              </li>
            ))}
          </ul>
          <div style={small}>
            Until you accept, residents see nothing of your organisation on it.
          </div>
        </div>
      )}

      {data.failedRewards.length > 0 && (
        <div style={{ ...card, borderColor: '#c1121f', background: '#fff1f1', marginTop: 12 }}>
          <strong style={{ color: '#a4161a' }}>Failed payouts</strong>
          <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
            {data.failedRewards.map((reward) => (
              <li key={reward.id}>
                <a href={`${rewardsList}/${reward.id}`}>
                  Reward #{reward.id}: {peso(reward.amount)}{' '}
                  {reward.kind === 'voucher' ? 'voucher' : 'GCash'}
                </a>{' '}
                <span style={small}>failed {manilaTime(reward.updatedAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3 style={{ margin: '24px 0 8px' }}>Live tasks</h3>
      {data.activeTasks.length === 0 ? (
        <p style={small}>
          No live tasks. {data.scheduled > 0 && <>{data.scheduled} scheduled to start later. </>}
          {data.drafts > 0 && <>{data.drafts} drafts. </>}
          <a href="/admin/collections/tasks/create">Create a task</a>
        </p>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="live-tasks">
          <thead>
            <tr style={{ textAlign: 'left', ...small }}>
              <th style={{ padding: '6px 8px' }}>Task</th>
              <th style={{ padding: '6px 8px', width: '26%' }}>Spent / budget</th>
              <th style={{ padding: '6px 8px', width: '26%' }}>Submissions / cap</th>
              <th style={{ padding: '6px 8px', width: '16%' }}>Ends</th>
            </tr>
          </thead>
          <tbody>
            {data.activeTasks.map(({ task, stats }) => (
              <tr key={task.id} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
                <td style={{ padding: '8px' }}>
                  <a href={`/admin/collections/tasks/${task.id}`}>{task.title}</a>
                  {stats.waiting > 0 && (
                    <span style={{ ...small, color: '#8a5a00' }}> · {stats.waiting} waiting</span>
                  )}
                </td>
                <td style={{ padding: '8px' }}>
                  {peso(stats.spent)} / {task.budget == null ? 'no limit' : peso(task.budget)}
                  {task.budget != null && <Bar used={stats.spent} of={task.budget} />}
                </td>
                <td style={{ padding: '8px' }}>
                  {stats.submissions.toLocaleString('en-PH')} /{' '}
                  {task.caps?.total ? task.caps.total.toLocaleString('en-PH') : 'no cap'}
                  {task.caps?.total ? <Bar used={stats.submissions} of={task.caps.total} /> : null}
                </td>
                <td style={{ padding: '8px' }}>{manilaTime(task.endsAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(data.scheduled > 0 || data.drafts > 0) && data.activeTasks.length > 0 && (
        <p style={{ ...small, marginTop: 8 }}>
          Also {data.scheduled} scheduled and {data.drafts} drafts ·{' '}
          <a href="/admin/collections/tasks">All tasks</a>
        </p>
      )}
    </section>
  )
}

export default WhatNeedsMe
