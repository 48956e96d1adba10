import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { asResident } from '../../../src/access/roles'
import { actorOf, recordAudit } from '../../../src/lib/audit'
import { clientIp } from '../../../src/lib/http'
import { maskPhone, normalizePhMobile } from '../../../src/lib/phone'
import { guardCodeRequest } from '../../../src/limits/guard'
import type { Resident } from '../../../src/payload-types'
import { deliverSms } from '../../SmsOutbox/operations/queueSms'
import { CONFIRMED_PAYOUT_ACCOUNT, stagePayoutAccount } from '../operations/payoutAccount'

const STAGED = 'stagedPayoutAccount'

/**
 * A resident's PATCH with a new `gcashNumber` does not change where money goes: the number is
 * staged and a code sent to it (see operations/payoutAccount). Clearing it (back to the sign-in
 * phone, which is proven) applies at once. Admins change it directly; every change is audited.
 */
export const stageResidentPayoutAccount: CollectionBeforeChangeHook<Resident> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !asResident(req.user) || req.context[CONFIRMED_PAYOUT_ACCOUNT]) {
    return data
  }
  if (!('gcashNumber' in data)) return data
  const next = data.gcashNumber || null
  if (next === (originalDoc?.gcashNumber || null)) return data
  // Field validation runs after this hook: leave a malformed number for it to refuse.
  if (next && normalizePhMobile(next) !== next) return data
  if (next) {
    delete data.gcashNumber
    // Payouts already going to the sign-in phone need no proof for it.
    if (next !== originalDoc?.phone) req.context[STAGED] = next
    else data.gcashNumber = next
  }
  return data
}

/** Sends the code for a staged number, and audits every change of the payout account. */
export const afterPayoutAccountChange: CollectionAfterChangeHook<Resident> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const staged = req.context[STAGED]
  if (typeof staged === 'string') {
    delete req.context[STAGED]
    await guardCodeRequest(req, { phone: staged, ip: clientIp(req) })
    const messageId = await stagePayoutAccount(req, doc, staged)
    doc.pendingGcashNumber = staged
    // The job retries until the transaction's rows are visible.
    await deliverSms(messageId)
  }
  if (operation !== 'update') return doc
  const before = previousDoc?.gcashNumber || null
  const after = doc.gcashNumber || null
  if (before !== after) {
    await recordAudit(req, {
      action: 'resident.payout-account.changed',
      entity: 'residents',
      entityId: doc.id,
      actor: actorOf(req),
      data: {
        from: before ? maskPhone(before) : 'sign-in phone',
        to: after ? maskPhone(after) : 'sign-in phone',
        confirmedByCode: Boolean(req.context[CONFIRMED_PAYOUT_ACCOUNT]),
      },
    })
  }
  return doc
}
