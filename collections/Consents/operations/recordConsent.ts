import type { PayloadRequest } from 'payload'

import { asResident } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { consentState } from './consentState'

/**
 * Appends one decision to the signed-in resident's ledger and returns their state after it.
 * Validation and the notice version are applied by the collection's hook, for every path in.
 */
export const recordConsent = async (
  req: PayloadRequest,
  input: { purpose?: unknown; granted?: unknown },
) => {
  const resident = asResident(req.user)
  if (!resident) throw new HttpError('Sign in with your phone to record your consent.', 401)
  const consent = await req.payload.create({
    collection: 'consents',
    data: {
      resident: resident.id,
      purpose: input.purpose as never,
      granted: input.granted as boolean,
      noticeVersion: '',
    },
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return { consent, state: await consentState(req, resident.id) }
}
