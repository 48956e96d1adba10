/**
 * `npm run audit:verify`: checks the whole hash chain of the audit log and prints the first
 * broken link. Exit code 0 when sound, 1 when broken, 2 when it could not run.
 */
import { getPayload } from 'payload'

import { describeReport, verifyAuditChain } from '../../collections/AuditLog/operations/verifyChain'
import { dataDir, readEnv } from '../env'
import { resolveSecret } from '../lib/secret'

const main = async () => {
  const env = readEnv()
  if (!env.databaseUrl) {
    console.error('Set DATABASE_URL to the database to verify (postgres://…).')
    return 2
  }
  process.env.PAYLOAD_SECRET = await resolveSecret(env.payloadSecret, dataDir, false)
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config, key: 'bayanet-audit-verify' })
  const report = await verifyAuditChain(payload)
  console.log(describeReport(report))
  return report.ok ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`audit:verify could not run: ${err instanceof Error ? err.message : err}`)
    process.exit(2)
  },
)
