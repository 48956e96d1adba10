import type { CollectionBeforeChangeHook } from 'payload'

import { asResident } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { currentNoticeVersion } from '../operations/notice'
import { CONSENT_PURPOSES, isConsentPurpose } from '../purposes'

/**
 * However a consent arrives (REST, GraphQL, Local API), it is the signed-in resident's own
 * and is recorded under the notice version in force, whatever the request claimed.
 */
export const stampConsent: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') throw new HttpError('The consent ledger cannot be changed.', 403)
  const resident = asResident(req.user)
  if (resident) data.resident = resident.id
  if (!data.resident) throw new HttpError('A consent needs a resident.', 400)
  if (!isConsentPurpose(data.purpose)) {
    throw new HttpError(`"purpose" must be one of: ${CONSENT_PURPOSES.join(', ')}.`, 400)
  }
  if (typeof data.granted !== 'boolean') {
    throw new HttpError('"granted" must be true (give consent) or false (withdraw it).', 400)
  }
  data.noticeVersion = await currentNoticeVersion(req)
  return data
}
