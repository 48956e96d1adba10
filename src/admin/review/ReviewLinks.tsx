import type { Payload, PayloadRequest } from 'payload'

import Link from 'next/link'
import React from 'react'

import { asStaff } from '../../access/roles'

import './review.css'

type Props = { payload: Payload; user?: PayloadRequest['user'] }

/** How many submissions wait for this staff member, counted with their own access. */
const waitingFor = async ({ payload, user }: Props) => {
  if (!asStaff(user ?? null)) return undefined
  const { totalDocs } = await payload.count({
    collection: 'submissions',
    where: { status: { equals: 'needs_review' } },
    overrideAccess: false,
    user,
  })
  return totalDocs
}

const href = (payload: Payload) => `${payload.config.routes.admin}/review`

/** The workspace's entry in the admin's navigation, with the number waiting. */
export const ReviewNavLink = async (props: Props) => {
  const waiting = await waitingFor(props)
  if (waiting === undefined) return null
  return (
    <Link className="nav__link bn-navlink" href={href(props.payload)} id="nav-review">
      <span className="nav__link-label">Review queue</span>
      {waiting > 0 && <span className="bn-navlink__count">{waiting}</span>}
    </Link>
  )
}

/** A card at the top of the dashboard leading to the workspace. */
export const ReviewDashboardCard = async (props: Props) => {
  const waiting = await waitingFor(props)
  if (waiting === undefined) return null
  return (
    <Link className="bn-dashcard" href={href(props.payload)}>
      <span className="bn-dashcard__count">{waiting}</span>
      <span>
        <strong>{waiting === 1 ? 'submission waits' : 'submissions wait'} for review</strong>
        <span className="bn-dashcard__hint">Open the review workspace →</span>
      </span>
    </Link>
  )
}
