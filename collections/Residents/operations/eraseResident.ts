import type { PayloadRequest } from 'payload'

import { actorOf, recordAudit } from '../../../src/lib/audit'
import { idOf } from '../../../src/lib/ids'
import { inRequestTransaction } from '../../../src/lib/transaction'
import type { Resident, Submission, Task } from '../../../src/payload-types'
import { erasedPhone, isErasedPhone } from '../../../src/privacy/pseudonym'
import { HttpError } from '../../../src/lib/errors'
import { query } from '../../../src/lib/sql'
import { residentHandle } from '../../../src/lib/residentHandle'

/** Rewards whose payout may still reach the provider, which needs the real account. */
const UNSETTLED_STATUSES = ['reserved', 'issuing'] as const

/** Answer types that are not free text: kept after erasure for the organisation's counts. */
const STRUCTURED_ANSWER_TYPES = new Set([
  'number',
  'select',
  'checkbox',
  'date',
  'rating',
  'multiselect',
])

const NO_LOCATION = { lat: null, lng: null, accuracy: null }

/** Answers with every free-text value (and anything the form does not know) set to null. */
export const scrubAnswers = (answers: unknown, fields: Task['fields']) => {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return {}
  const types = new Map((fields ?? []).map((field) => [field.name, field.type as string]))
  return Object.fromEntries(
    Object.entries(answers).map(([name, value]) => [
      name,
      STRUCTURED_ANSWER_TYPES.has(types.get(name) ?? '') ? value : null,
    ]),
  )
}

const hasFreeText = (before: unknown, after: Record<string, unknown>) =>
  JSON.stringify(before ?? {}) !== JSON.stringify(after)

/** What one pass of scrubbing removed. */
export type ScrubCounts = {
  submissions: number
  proofs: number
  sms: number
  otp: number
  rewards: number
  photoHashes: number
  sandboxPayouts: number
}

/**
 * Removes what an erased (or being erased) resident leaves beyond their profile: free-text
 * answers and locations, proof files (through Payload, so the storage adapter deletes them on
 * disk or S3), and SMS and one-time codes sent to their phone. Idempotent: the retention job
 * runs it again for erased residents, to catch anything a failed storage call left behind.
 */
export const scrubResidentData = async (
  req: PayloadRequest,
  residentId: number,
  phones: string[],
): Promise<ScrubCounts> => {
  const { payload } = req
  const counts: ScrubCounts = {
    submissions: 0,
    proofs: 0,
    sms: 0,
    otp: 0,
    rewards: 0,
    photoHashes: 0,
    sandboxPayouts: 0,
  }
  const { docs: submissions } = await payload.find({
    collection: 'submissions',
    where: { resident: { equals: residentId } },
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const taskIds = [...new Set(submissions.map((s) => idOf(s.task)))].filter(
    (id): id is number => id !== undefined,
  )
  const { docs: tasks } = await payload.find({
    collection: 'tasks',
    where: { id: { in: taskIds } },
    limit: 0,
    depth: 0,
    select: { fields: true },
    overrideAccess: true,
    req,
  })
  const formOf = new Map(tasks.map((task) => [task.id, task.fields]))
  for (const submission of submissions as Submission[]) {
    const answers = scrubAnswers(submission.answers, formOf.get(idOf(submission.task)!))
    const located = submission.location?.lat != null || submission.location?.lng != null
    if (!hasFreeText(submission.answers, answers) && !located) continue
    // The adapter's update: no hooks, so the review rules for submissions do not apply here.
    await payload.db.updateOne({
      collection: 'submissions',
      id: submission.id,
      data: { answers, location: NO_LOCATION },
      req,
      returning: false,
    })
    counts.submissions++
  }
  // Rewards stay (financial records), but the payout account and holder's name become the
  // pseudonym: with the secret the LGU can still match a payout to a number it is given. A
  // payout still under way keeps its account until it settles (the provider needs it); the
  // daily retention run, which repeats this scrub for erased residents, pseudonymises it then.
  const { docs: rewards } = await payload.find({
    collection: 'rewards',
    where: {
      and: [{ resident: { equals: residentId } }, { status: { not_in: [...UNSETTLED_STATUSES] } }],
    },
    limit: 0,
    depth: 0,
    select: { account: true, accountName: true },
    overrideAccess: true,
    req,
  })
  const accounts = new Set(phones)
  for (const reward of rewards) {
    const account = reward.account && !isErasedPhone(reward.account) ? reward.account : null
    if (account) accounts.add(account)
    if (!account && !reward.accountName) continue
    await payload.db.updateOne({
      collection: 'rewards',
      id: reward.id,
      data: {
        account: account ? erasedPhone(payload.secret, residentId, account) : reward.account,
        accountName: null,
      },
      req,
      returning: false,
    })
    counts.rewards++
  }
  // The sandbox payout provider keeps its own books in our database (`sandbox_payouts`): the
  // numbers it paid become the same pseudonym as on the rewards. (A real provider's books,
  // Xendit's, are out of Bayanet's reach; the README says so.)
  for (const account of accounts) {
    const rows = await query(
      { payload, req },
      'UPDATE sandbox_payouts SET account = $2 WHERE account = $1 RETURNING 1',
      [account, erasedPhone(payload.secret, residentId, account)],
    )
    counts.sandboxPayouts += rows.length
  }
  // Through Payload, so the storage adapter deletes the files (and thumbnails) on disk or S3.
  const proofs = await payload.delete({
    collection: 'proofs',
    where: { resident: { equals: residentId } },
    overrideAccess: true,
    req,
  })
  if (proofs.errors.length) {
    throw new HttpError('Some photos could not be deleted yet; please try again later.', 503)
  }
  counts.proofs = proofs.docs.length
  // Derived from the photos, so they go with them.
  const hashes = await payload.delete({
    collection: 'photo-hashes',
    where: { resident: { equals: residentId } },
    overrideAccess: true,
    req,
  })
  counts.photoHashes = hashes.docs.length
  if (phones.length) {
    const sms = await payload.delete({
      collection: 'sms-outbox',
      where: { to: { in: phones } },
      overrideAccess: true,
      req,
    })
    const otp = await payload.delete({
      collection: 'otp-challenges',
      where: { phone: { in: phones } },
      overrideAccess: true,
      req,
    })
    counts.sms = sms.docs.length
    counts.otp = otp.docs.length
  }
  return counts
}

/**
 * The right to erasure. The profile keeps its row (rewards and consents point at it) but
 * becomes a pseudonym: the phone a keyed hash, name and payout number cleared, every session
 * ended. Free text, locations, photos and SMS go. Rewards stay: they are financial records.
 * The same phone can sign up again later as a new resident. Audited, without personal data.
 */
export const eraseResident = async (req: PayloadRequest, residentId: number) =>
  inRequestTransaction(req, async () => {
    const { payload } = req
    const resident = (await payload.findByID({
      collection: 'residents',
      id: residentId,
      depth: 0,
      overrideAccess: true,
      req,
    })) as Resident & { erasedAt?: string | null }
    if (resident.erasedAt || isErasedPhone(resident.phone)) {
      throw new HttpError('This account has already been erased.', 409)
    }
    const phones = [resident.phone, resident.gcashNumber, resident.pendingGcashNumber].filter(
      (p): p is string => Boolean(p),
    )
    const counts = await scrubResidentData(req, residentId, phones)
    await payload.db.updateOne({
      collection: 'residents',
      id: residentId,
      data: {
        phone: erasedPhone(payload.secret, residentId, resident.phone),
        name: null,
        gcashNumber: null,
        pendingGcashNumber: null,
        email: null,
        username: null,
        homeBarangay: null,
        sessions: [],
        erasedAt: new Date().toISOString(),
      },
      req,
      returning: false,
    })
    await recordAudit(req, {
      action: 'resident.erased',
      entity: 'residents',
      entityId: residentId,
      actor: actorOf(req),
      // Named by handle (a pseudonym that survives erasure), never by phone or name.
      data: { resident: residentHandle(residentId, payload.secret), ...counts },
    })
    return counts
  })
