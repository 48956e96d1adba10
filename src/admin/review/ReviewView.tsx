import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import React from 'react'

import { asStaff } from '../../access/roles'
import { loadReviewQueue } from './loadQueue'
import { ReviewWorkspace } from './ReviewWorkspace'

/** `/admin/review`: the reviewer's workspace, inside the admin's usual frame and navigation. */
export const ReviewView = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const { admin: adminRoute, api: apiRoute } = req.payload.config.routes
  if (!asStaff(req.user))
    redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/review`)}`)
  const queue = await loadReviewQueue(req)
  const initialId = Number(searchParams?.id) || undefined
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: 'Review queue' }]} />
      <Gutter>
        <ReviewWorkspace queue={queue} apiRoute={apiRoute} initialId={initialId} />
      </Gutter>
    </DefaultTemplate>
  )
}
