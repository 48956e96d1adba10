import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

import type { Task } from '../payload-types'

/** The city the demo LGU governs (PSGC), and two of its barangays. */
export const DEMO_CITY = '1380700000' // City of Marikina
const CONCEPCION_UNO = '1380700003'
const SANTO_NINO = '1380700010'

const password = () => randomBytes(12).toString('base64url')

const placeId = async (payload: Payload, code: string) => {
  const { docs } = await payload.find({
    collection: 'places',
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (!docs[0]) throw new Error(`PSGC place ${code} is missing; load places before seeding`)
  return docs[0].id
}

type DemoTask = Omit<
  Task,
  'id' | 'createdAt' | 'updatedAt' | 'organization' | 'status' | 'nationwide'
>

/**
 * Seeds an empty database (server code, no request: access is overridden on purpose) with one LGU, one brand, their staff and a handful of published
 * tasks. Staff passwords are random, printed once and written to `credentialsFile`.
 */
export const seedDemo = async (
  payload: Payload,
  { credentialsFile, adminExists }: { credentialsFile: string; adminExists: boolean },
) => {
  const { totalDocs } = await payload.count({ collection: 'organizations', overrideAccess: true })
  if (totalDocs > 0) return false

  const city = await placeId(payload, DEMO_CITY)
  const concepcionUno = await placeId(payload, CONCEPCION_UNO)
  const santoNino = await placeId(payload, SANTO_NINO)

  const lgu = await payload.create({
    collection: 'organizations',
    data: { name: 'Pamahalaang Lungsod ng Marikina', kind: 'lgu', scope: [city] },
    overrideAccess: true,
  })
  const brand = await payload.create({
    collection: 'organizations',
    data: { name: 'Tindahan ni Aling Nena Co.', kind: 'brand', scope: [] },
    overrideAccess: true,
  })

  const credentials: { role: string; email: string; password: string }[] = []
  const staff = async (
    email: string,
    roles: ('admin' | 'org-manager' | 'reviewer')[],
    organizations: number[],
  ) => {
    const secret = password()
    await payload.create({
      collection: 'users',
      data: { email, password: secret, roles, organizations, name: email.split('@')[0] },
      overrideAccess: true,
    })
    credentials.push({ role: roles.join('+'), email, password: secret })
  }
  if (!adminExists) await staff('admin@bayanet.local', ['admin'], [])
  await staff('manager@marikina.bayanet.local', ['org-manager'], [lgu.id])
  await staff('reviewer@marikina.bayanet.local', ['reviewer'], [lgu.id])
  await staff('manager@brand.bayanet.local', ['org-manager', 'reviewer'], [brand.id])

  const tasks: (DemoTask & { organization: number })[] = [
    {
      organization: lgu.id,
      title: 'Report a broken streetlight',
      description: 'Tell us where a streetlight is out so the city can fix it.',
      targets: [city],
      fields: [
        { name: 'street', label: 'Street and nearest landmark', type: 'text', required: true },
        {
          name: 'poleNumber',
          label: 'Pole number, if you can see it',
          type: 'text',
          required: false,
        },
      ],
      reward: { kind: 'gcash', amount: 20 },
    },
    {
      organization: lgu.id,
      title: 'Clean-up drive at the Marikina River, Concepcion Uno',
      description: 'Join Saturday’s clean-up, 6–9 AM. Bring gloves; sacks are provided.',
      targets: [concepcionUno],
      fields: [
        { name: 'sacks', label: 'How many sacks did you fill?', type: 'number', required: true },
      ],
      reward: { kind: 'gcash', amount: 50 },
    },
    {
      organization: lgu.id,
      title: 'Barangay assembly, Santo Niño',
      description: 'Attend the barangay assembly and tell us one issue that was raised.',
      targets: [santoNino],
      fields: [
        {
          name: 'issue',
          label: 'One issue raised at the assembly',
          type: 'textarea',
          required: true,
        },
      ],
      reward: { kind: 'gcash', amount: 25 },
    },
    {
      organization: lgu.id,
      title: 'Flood readiness survey',
      description: 'Five questions on how ready your household is for the rainy season.',
      targets: [city],
      fields: [
        {
          name: 'goBag',
          label: 'Does your household have a go-bag?',
          type: 'checkbox',
          required: true,
        },
        {
          name: 'warning',
          label: 'How do you hear flood warnings?',
          type: 'select',
          required: true,
          options: ['SMS', 'Radio', 'Barangay tanod', 'Social media'],
        },
      ],
      reward: { kind: 'gcash', amount: 30 },
    },
    {
      organization: brand.id,
      title: 'Plastic sachet recycling: where do yours go?',
      description: 'A short nationwide survey on sachet waste in your neighbourhood.',
      targets: [],
      fields: [
        {
          name: 'collected',
          label: 'Does your barangay collect sachets separately?',
          type: 'checkbox',
          required: true,
        },
        { name: 'idea', label: 'One idea to reduce sachet waste', type: 'text', required: false },
      ],
      reward: { kind: 'voucher', amount: 15 },
    },
  ]
  for (const task of tasks) {
    await payload.create({
      collection: 'tasks',
      data: { ...task, status: 'published' },
      overrideAccess: true,
    })
  }

  if (credentials.length) {
    const lines = credentials.map((c) => `${c.role.padEnd(22)} ${c.email.padEnd(34)} ${c.password}`)
    const text = `Bayanet demo staff (admin at /admin)\n${lines.join('\n')}\n`
    await fs.mkdir(path.dirname(credentialsFile), { recursive: true })
    await fs.writeFile(credentialsFile, text, { mode: 0o600 })
    console.log(`\n${text}(also written to ${credentialsFile})\n`)
  }
  payload.logger.info(
    `seeded demo data: 2 organisations, ${credentials.length} staff, ${tasks.length} tasks`,
  )
  return true
}
