import type { PayloadRequest } from 'payload'

import { asResident } from '../../../src/access/roles'
import { actorOf, recordAudit } from '../../../src/lib/audit'
import { HttpError } from '../../../src/lib/errors'
import { clientIp } from '../../../src/lib/http'
import { guardCodeCheck, guardCodeRequest } from '../../../src/limits/guard'
import { maskPhone, normalizePhMobile, PHONE_HINT } from '../../../src/lib/phone'
import { inRequestTransaction } from '../../../src/lib/transaction'
import type { Resident } from '../../../src/payload-types'
import { checkChallenge, createChallenge } from '../../OtpChallenges/operations/codes'
import { deliverSms, queueSms } from '../../SmsOutbox/operations/queueSms'
import { publicResident } from './publicResident'
import { readCode, refuseCode } from './verifyOtp'

/** Set on `req.context` by the confirmation, so the residents hooks apply the number as is. */
export const CONFIRMED_PAYOUT_ACCOUNT = 'confirmedPayoutAccount'

const signedInResident = (req: PayloadRequest) => {
  const resident = asResident(req.user)
  if (!resident) throw new HttpError('Sign in as a resident first.', 401)
  return resident
}

const loadResident = (req: PayloadRequest, id: number) =>
  req.payload.findByID({ collection: 'residents', id, depth: 0, overrideAccess: true, req })

/**
 * Stores `number` as the resident's pending payout account and sends a code to it, inside the
 * caller's transaction. Returns the message id to deliver after the commit.
 */
export const stagePayoutAccount = async (
  req: PayloadRequest,
  resident: Pick<Resident, 'id' | 'language'>,
  number: string,
) => {
  await req.payload.db.updateOne({
    collection: 'residents',
    id: resident.id,
    data: { pendingGcashNumber: number },
    req,
    returning: false,
  })
  const code = await createChallenge(req, {
    phone: number,
    purpose: 'payout-account',
    resident: resident.id,
  })
  await recordAudit(req, {
    action: 'resident.payout-account.requested',
    entity: 'residents',
    entityId: resident.id,
    actor: actorOf(req),
    data: { to: maskPhone(number) },
  })
  return queueSms(req, {
    to: number,
    template: 'otp.payout-account',
    language: resident.language,
    code,
    purpose: 'payout-account',
  })
}

/**
 * `POST /api/residents/me/payout-account {gcashNumber}`: a new GCash number takes effect only
 * once the code sent to it is confirmed, so a stolen session cannot redirect payouts.
 */
export const requestPayoutAccountChange = async (req: PayloadRequest, input: unknown) => {
  const { id } = signedInResident(req)
  const number = normalizePhMobile(input)
  if (!number) throw new HttpError(`GCash number: ${PHONE_HINT}`, 400)
  const resident = await loadResident(req, id)
  if ((resident.gcashNumber || resident.phone) === number) {
    throw new HttpError('Payouts already go to that number.', 409)
  }
  await guardCodeRequest(req, { phone: number, ip: clientIp(req) })
  const messageId = await inRequestTransaction(req, () => stagePayoutAccount(req, resident, number))
  await deliverSms(messageId)
}

/**
 * `POST /api/residents/me/payout-account/confirm {code}`: applies the pending number when the
 * code sent to it is right (audited by the residents hook); 401/429 as for sign-in.
 */
export const confirmPayoutAccountChange = async (req: PayloadRequest, input: unknown) => {
  const { id } = signedInResident(req)
  const code = readCode(input)
  await guardCodeCheck({ ip: clientIp(req) })
  const resident = await loadResident(req, id)
  const pending = resident.pendingGcashNumber
  if (!pending) throw new HttpError('There is no payout account change to confirm.', 409)
  const outcome = await checkChallenge(
    req,
    { phone: pending, purpose: 'payout-account', resident: id },
    code,
  )
  if (outcome !== 'right') refuseCode(outcome)
  req.context[CONFIRMED_PAYOUT_ACCOUNT] = true
  const updated = await req.payload.update({
    collection: 'residents',
    id,
    data: { gcashNumber: pending, pendingGcashNumber: null },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return publicResident(updated)
}
