import type { PayloadRequest } from 'payload'

import type { Consent } from '../../../src/payload-types'
import { currentNoticeVersion } from './notice'
import { CONSENT_PURPOSES, REQUIRED_PURPOSES, type ConsentPurpose } from '../purposes'

/** Where a resident stands on one purpose. */
export type PurposeState = {
  granted: boolean
  /** The notice version of the latest decision; null when never asked. */
  noticeVersion: string | null
  decidedAt: string | null
  /** Given under an older notice: the app should ask again. */
  needsRenewal: boolean
}

/** A resident's consents: the latest decision per purpose, and every decision. */
export type ConsentState = {
  noticeVersion: string
  purposes: Record<ConsentPurpose, PurposeState>
  /** Required purposes not granted under the current notice: submissions are refused. */
  missing: ConsentPurpose[]
  history: Pick<Consent, 'id' | 'purpose' | 'granted' | 'noticeVersion' | 'createdAt'>[]
}

/** Reads the ledger for `residentId` (trusted server code: the caller checked who asks). */
export const consentState = async (
  req: PayloadRequest,
  residentId: number,
): Promise<ConsentState> => {
  const noticeVersion = await currentNoticeVersion(req)
  const { docs } = await req.payload.find({
    collection: 'consents',
    where: { resident: { equals: residentId } },
    sort: '-id',
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const purposes = {} as Record<ConsentPurpose, PurposeState>
  for (const purpose of CONSENT_PURPOSES) {
    // Newest first: the first row for a purpose is its current state.
    const latest = docs.find((doc) => doc.purpose === purpose)
    purposes[purpose] = {
      granted: Boolean(latest?.granted),
      noticeVersion: latest?.noticeVersion ?? null,
      decidedAt: latest?.createdAt ?? null,
      needsRenewal: Boolean(latest?.granted) && latest?.noticeVersion !== noticeVersion,
    }
  }
  const missing = REQUIRED_PURPOSES.filter(
    (purpose) => !purposes[purpose].granted || purposes[purpose].needsRenewal,
  )
  const history = docs.map(({ id, purpose, granted, noticeVersion, createdAt }) => ({
    id,
    purpose,
    granted,
    noticeVersion,
    createdAt,
  }))
  return { noticeVersion, purposes, missing, history }
}
