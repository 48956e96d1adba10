import type { PayloadRequest } from 'payload'

import { FIRST_NOTICE_VERSION } from '../../../globals/PrivacyNotice'

/** The privacy notice version in force now. */
export const currentNoticeVersion = async (req: PayloadRequest) => {
  const notice = await req.payload.findGlobal({
    slug: 'privacy-notice',
    depth: 0,
    overrideAccess: true,
    req,
  })
  return String(notice?.version || FIRST_NOTICE_VERSION)
}
