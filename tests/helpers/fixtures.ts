import { randomBytes, randomInt } from 'node:crypto'

import type { Task } from '../../src/payload-types'
import { api, eventually } from './api'
import { localPayload } from './payload'

/** A Philippine mobile number (Globe's 0917 range) nobody else in this run has. */
export const uniquePhone = () => `+63917${String(randomInt(0, 1e7)).padStart(7, '0')}`

/** Looks a PSGC place up by its 10-digit code. */
export const placeByCode = async (code: string) => {
  const payload = await localPayload()
  const { docs } = await payload.find({
    collection: 'places',
    where: { code: { equals: code } },
    limit: 1,
  })
  if (!docs[0]) throw new Error(`no place ${code}`)
  return docs[0]
}

/** Real places used across tests (PSGC 2025-2Q). */
export const PLACES = {
  marikinaCity: '1380700000',
  concepcionUno: '1380700003',
  santoNino: '1380700010',
  ncr: '1300000000',
  cebuCity: '0730600000',
} as const

/** An organisation with an org-manager and a reviewer, both signed in over REST. */
export const createOrganization = async (kind: 'lgu' | 'brand' = 'lgu') => {
  const payload = await localPayload()
  const tag = randomBytes(4).toString('hex')
  const org = await payload.create({
    collection: 'organizations',
    data: { name: `Org ${tag}`, kind },
  })
  const staff = async (role: 'org-manager' | 'reviewer') => {
    const email = `${role}-${tag}@test.bayanet.local`
    const password = randomBytes(12).toString('hex')
    const user = await payload.create({
      collection: 'users',
      data: { email, password, roles: [role], organizations: [org.id] },
    })
    const login = await api('POST', '/api/users/login', { body: { email, password } })
    if (login.status !== 200) throw new Error(`staff login failed: ${JSON.stringify(login.body)}`)
    return { user, token: login.body.token as string }
  }
  return { org, manager: await staff('org-manager'), reviewer: await staff('reviewer') }
}

type TaskInput = Partial<Omit<Task, 'targets' | 'organization'>> & { targetCodes?: string[] }

/** A published task for `organizationId`, targeting the given PSGC codes (none = nationwide). */
export const createTask = async (organizationId: number, input: TaskInput = {}) => {
  const payload = await localPayload()
  const { targetCodes = [], ...rest } = input
  const targets = await Promise.all(targetCodes.map(async (code) => (await placeByCode(code)).id))
  return payload.create({
    collection: 'tasks',
    data: {
      title: `Task ${randomBytes(3).toString('hex')}`,
      status: 'published',
      reward: { kind: 'gcash', amount: 25 },
      fields: [{ name: 'note', label: 'What did you see?', type: 'text', required: true }],
      ...rest,
      organization: organizationId,
      targets,
    },
  })
}

/** The OTP the console provider queued for `phone`, read from the admin-only outbox. */
export const latestOtp = async (phone: string, { sent = false } = {}) => {
  const payload = await localPayload()
  return eventually(
    async () => {
      const { docs } = await payload.find({
        collection: 'sms-outbox',
        where: { to: { equals: phone }, ...(sent ? { status: { equals: 'sent' } } : {}) },
        sort: '-createdAt',
        limit: 1,
      })
      return docs[0] ? /(\d{6})/.exec(docs[0].body)?.[1] : undefined
    },
    20_000,
    `an SMS to ${phone}`,
  )
}

/** Consents every resident must give before submitting (see collections/Consents). */
export const REQUIRED_CONSENTS = ['terms', 'data-processing'] as const

/** Records `purposes` as given (or withdrawn) through `POST /api/consents`. */
export const giveConsent = async (token: string, purposes: readonly string[], granted = true) => {
  for (const purpose of purposes) {
    const res = await api('POST', '/api/consents', { token, body: { purpose, granted } })
    if (res.status !== 201) throw new Error(`consent failed: ${JSON.stringify(res.body)}`)
  }
}

/**
 * Signs a new resident in through the real OTP endpoints; optionally sets their barangay.
 * Gives the consents a submission needs unless `consents` says otherwise (pass `[]` for none).
 */
export const signInResident = async ({
  barangayCode,
  consents = REQUIRED_CONSENTS,
}: { barangayCode?: string; consents?: readonly string[] } = {}) => {
  const phone = uniquePhone()
  const request = await api('POST', '/api/residents/otp/request', { body: { phone } })
  if (request.status !== 202) throw new Error(`otp request failed: ${JSON.stringify(request.body)}`)
  const code = await latestOtp(phone)
  const verify = await api('POST', '/api/residents/otp/verify', { body: { phone, code } })
  if (verify.status !== 200) throw new Error(`otp verify failed: ${JSON.stringify(verify.body)}`)
  const token = verify.body.token as string
  const id = verify.body.user.id as number
  if (barangayCode) {
    const patch = await api('PATCH', `/api/residents/${id}`, {
      token,
      body: { homeBarangay: barangayCode },
    })
    if (patch.status !== 200) throw new Error(`set barangay failed: ${JSON.stringify(patch.body)}`)
  }
  await giveConsent(token, consents)
  return { id, phone, token }
}
