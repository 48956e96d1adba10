import type { Agenda } from 'agenda'
import type { Payload } from 'payload'

import {
  describeReport,
  verifyAuditChain,
  type ChainReport,
} from '../../collections/AuditLog/operations/verifyChain'
import { tryLockForTransaction } from '../../src/lib/advisoryLock'
import { recordAudit } from '../../src/lib/audit'
import { withTransaction } from '../../src/lib/transaction'
import { JOBS } from '../names'

/**
 * Verifies the audit chain once per cluster (an advisory lock: a second worker skips), and
 * alerts when it is broken: an error-level log line tagged `alert`, and once per broken entry an
 * `audit.chain_broken` entry that admins see in the audit log.
 */
export const run = async (payload: Payload): Promise<ChainReport | 'skipped'> =>
  withTransaction(payload, async (req) => {
    if ((await tryLockForTransaction(req, 'job:audit.verify')) === false) return 'skipped'
    const report = await verifyAuditChain(payload)
    if (report.ok) {
      payload.logger.info({ msg: describeReport(report) })
      return report
    }
    payload.logger.error({ msg: describeReport(report), alert: 'audit-chain-broken' })
    const { totalDocs } = await payload.count({
      collection: 'audit-log',
      where: { action: { equals: 'audit.chain_broken' }, entityId: { equals: String(report.seq) } },
      overrideAccess: true,
      req,
    })
    if (!totalDocs) {
      await recordAudit(req, {
        action: 'audit.chain_broken',
        entity: 'audit-log',
        entityId: report.seq,
        actor: { type: 'system' },
        data: { id: report.id, problem: report.problem },
      })
    }
    return report
  })

/** Registers the hourly verification. */
export const defineVerifyAudit = (agenda: Agenda, payload: Payload) => {
  agenda.define(
    JOBS.verifyAudit,
    async () => {
      await run(payload)
    },
    { concurrency: 1, lockLifetime: 30 * 60_000, removeOnComplete: true },
  )
}
