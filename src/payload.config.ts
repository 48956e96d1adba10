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
import { Places } from '../collections/Places'
import { Residents } from '../collections/Residents'
import { Rewards } from '../collections/Rewards'
import { SmsOutbox } from '../collections/SmsOutbox'
import { Submissions } from '../collections/Submissions'
import { Tasks } from '../collections/Tasks'
import { feedEndpoint } from '../collections/Tasks/endpoints/feed'
import { Users } from '../collections/Users'
import { VoucherCodes } from '../collections/VoucherCodes'
import { VoucherPools } from '../collections/VoucherPools'
import { PrivacyNotice } from '../globals/PrivacyNotice'
import { badInputAsClientError } from '../hooks/badInputAsClientError'
import { unconfiguredEmail } from '../providers/email/unconfigured'
import { xenditWebhookEndpoint } from './endpoints/xenditWebhook'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// The Express host resolves these (embedded Postgres, generated secret) before Payload loads.
const databaseUrl = process.env.DATABASE_URL ?? ''
const secret = process.env.PAYLOAD_SECRET ?? ''

export default buildConfig({
  serverURL: process.env.PUBLIC_URL || undefined,
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Bayanet' },
    // No Gravatar: the admin must not call third parties with staff emails.
    avatar: 'default',
    importMap: { baseDir: dirname },
    components: {
      afterNavLinks: ['/admin/review/ReviewLinks#ReviewNavLink'],
      beforeDashboard: ['/admin/review/ReviewLinks#ReviewDashboardCard'],
      views: {
        review: {
          Component: '/admin/review/ReviewView#ReviewView',
          path: '/review',
          meta: { title: 'Review queue' },
        },
      },
    },
  },
  collections: [
    Organizations,
    Users,
    Places,
    Campaigns,
    Tasks,
    Residents,
    Submissions,
    Rewards,
    PayoutLedger,
    VoucherPools,
    VoucherCodes,
    AuditLog,
    SmsOutbox,
    OtpChallenges,
    Consents,
  ],
  globals: [PrivacyNotice],
  endpoints: [feedEndpoint, xenditWebhookEndpoint],
  hooks: { afterError: [badInputAsClientError] },
  secret,
  email: unconfiguredEmail,
  sharp,
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
})
