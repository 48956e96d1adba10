import { postgresAdapter } from '@payloadcms/db-postgres'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { AuditLog } from '../collections/AuditLog'
import { Campaigns } from '../collections/Campaigns'
import { Consents } from '../collections/Consents'
import { Organizations } from '../collections/Organizations'
import { PayoutLedger } from '../collections/PayoutLedger'
import { OtpChallenges } from '../collections/OtpChallenges'
import { PhotoHashes } from '../collections/PhotoHashes'
import { Places } from '../collections/Places'
import { Proofs } from '../collections/Proofs'
import { UPLOAD_TOO_LARGE } from '../collections/Proofs/endpoints/upload'
import { PROOF_MAX_BYTES } from '../collections/Proofs/operations/sanitizeImage'
import { proofStorage } from './lib/storage'
import { Residents } from '../collections/Residents'
import { Rewards } from '../collections/Rewards'
import { SmsOutbox } from '../collections/SmsOutbox'
import { Sponsorships } from '../collections/Sponsorships'
import { Submissions } from '../collections/Submissions'
import { Tasks } from '../collections/Tasks'
import { feedEndpoint } from '../collections/Tasks/endpoints/feed'
import { Users } from '../collections/Users'
import { VoucherCodes } from '../collections/VoucherCodes'
import { VoucherPools } from '../collections/VoucherPools'
import { PrivacyNotice } from '../globals/PrivacyNotice'
import { badInputAsClientError } from '../hooks/badInputAsClientError'
import { staffEmail } from '../providers/email'
import { isStaff } from './access/rules'
import { withAdminDefaults } from './admin/adminDefaults'
import { MANILA } from './fields/manilaDate'
import { xenditWebhookEndpoint } from './endpoints/xenditWebhook'
import { lockDownInternals } from './hardening/internals'
import { LOGGING_LEVELS, loggerOptions } from './hardening/logging'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// The Express host resolves these (embedded Postgres, generated secret) before Payload loads.
const databaseUrl = process.env.DATABASE_URL ?? ''
const secret = process.env.PAYLOAD_SECRET ?? ''

// lockDownInternals edits collections Payload adds itself, so it runs on the built config.
export default buildConfig({
  serverURL: process.env.PUBLIC_URL || undefined,
  admin: {
    user: Users.slug,
    meta: {
      titleSuffix: ' · Bayanet',
      description: 'Bayanet staff admin: civic tasks, reviews and rewards',
      // Served by the host (src/lib/favicon.ts); Payload's defaults point at its own logo.
      icons: [
        { rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' },
        { rel: 'icon', type: 'image/x-icon', url: '/favicon.ico' },
      ],
      openGraph: { siteName: 'Bayanet', title: 'Bayanet', images: [] },
    },
    // No Gravatar: the admin must not call third parties with staff emails.
    avatar: 'default',
    importMap: { baseDir: dirname },
    // Staff work in Manila: dates are entered and shown in its time.
    timezones: {
      supportedTimezones: [{ label: 'Manila (PHT, UTC+8)', value: MANILA }],
      defaultTimezone: MANILA,
    },
    dateFormat: 'd MMM yyyy, h:mm a',
    components: {
      graphics: {
        Logo: '/admin/brand/Logo#Logo',
        Icon: '/admin/brand/Icon#Icon',
      },
      beforeNavLinks: ['/admin/brand/NavBrand#NavBrand'],
      afterNavLinks: ['/admin/review/ReviewLinks#ReviewNavLink'],
      beforeDashboard: [
        '/admin/review/ReviewLinks#ReviewDashboardCard',
        '/admin/dashboard/WhatNeedsMe#WhatNeedsMe',
      ],
      views: {
        review: {
          Component: '/admin/review/ReviewView#ReviewView',
          path: '/review',
          meta: { title: 'Review queue' },
        },
      },
    },
  },
  // Saved filters, columns and sort orders, per staff member (shareable).
  queryPresets: {
    access: { read: isStaff, create: isStaff, update: isStaff, delete: isStaff },
    constraints: { read: [], update: [], delete: [] },
  },
  collections: withAdminDefaults([
    Organizations,
    Users,
    Places,
    Campaigns,
    Sponsorships,
    Tasks,
    Residents,
    Proofs,
    Submissions,
    Rewards,
    PayoutLedger,
    VoucherPools,
    VoucherCodes,
    AuditLog,
    PhotoHashes,
    SmsOutbox,
    OtpChallenges,
    Consents,
  ]),
  globals: [PrivacyNotice],
  endpoints: [feedEndpoint, xenditWebhookEndpoint],
  hooks: { afterError: [badInputAsClientError] },
  logger: { options: loggerOptions() },
  loggingLevels: LOGGING_LEVELS,
  secret,
  email: staffEmail(),
  sharp,
  // Multipart bodies: one photo of at most 8 MB (POST /api/proofs answers 413 beyond it).
  upload: {
    limits: { fileSize: PROOF_MAX_BYTES + 1, files: 1 },
    abortOnLimit: true,
    responseOnLimit: UPLOAD_TOO_LARGE,
  },
  plugins: [...proofStorage()],
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  db: postgresAdapter({
    pool: { connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_MAX ?? 20) },
    // Schema changes only through committed migrations: never an interactive push.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    // Agenda keeps its own table in this database.
    tablesFilter: ['!agenda_*'],
  }),
}).then(lockDownInternals)
