import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { verifyAuditChain } from '../../collections/AuditLog/operations/verifyChain'
import { run as runVerifyJob } from '../../jobs/definitions/verifyAudit'
import { projectRoot } from '../../src/env'
import { recordAudit } from '../../src/lib/audit'
import { withTransaction } from '../../src/lib/transaction'
import { createOrganization } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

const sqlClient = async () => {
  const client = new pg.Client({ connectionString: inject('databaseUrl') })
  await client.connect()
  return client
}

/** `npm run audit:verify` against the test database, as an operator would run it. */
const auditVerify = async () => {
  try {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/auditVerify.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        PAYLOAD_SECRET: inject('payloadSecret'),
      },
    })
    return { code: 0, out: stdout }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, out: `${e.stdout}${e.stderr}` }
  }
}

const clients: pg.Client[] = []
afterAll(async () => {
  for (const client of clients) await client.end()
})

describe('the hash-chained audit log', () => {
  it('links 100 concurrent writes into one unbroken chain', async () => {
    const payload = await localPayload()
    const tag = `chain-${Date.now()}`
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        withTransaction(payload, (req) =>
          recordAudit(req, {
            action: 'test.concurrent',
            entity: 'tests',
            entityId: `${tag}-${i}`,
            actor: { type: 'system' },
            data: { i, nested: { b: 2, a: [1, 'x'] } },
          }),
        ),
      ),
    )
    const written = await payload.find({
      collection: 'audit-log',
      where: { entityId: { like: tag } },
      limit: 0,
      pagination: false,
    })
    expect(written.docs).toHaveLength(100)
    const client = await sqlClient()
    clients.push(client)
    // No fork: every entry has a distinct predecessor and the seqs have no gaps.
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, count(DISTINCT prev_hash)::int AS prevs,
              max(seq)::int - min(seq)::int + 1 AS span FROM audit_log`,
    )
    expect(rows[0].prevs).toBe(rows[0].n)
    expect(rows[0].span).toBe(rows[0].n)
    const report = await verifyAuditChain(payload)
    expect(report).toMatchObject({ ok: true, entries: rows[0].n })
  })

  it('refuses UPDATE and DELETE in SQL', async () => {
    const client = await sqlClient()
    clients.push(client)
    await expect(client.query(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    )
    await expect(client.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/)
  })

  it('audit:verify names the row that was edited in SQL, and the periodic job alerts once', async () => {
    const payload = await localPayload()
    await withTransaction(payload, async (req) => {
      for (let i = 0; i < 3; i++) {
        await recordAudit(req, {
          action: 'test.tamper',
          entity: 'rewards',
          entityId: i,
          actor: { type: 'staff', id: 1 },
          data: { amount: 50 },
        })
      }
    })
    expect(await verifyAuditChain(payload)).toMatchObject({ ok: true })

    const client = await sqlClient()
    clients.push(client)
    const { rows } = await client.query(
      `SELECT id, seq::int AS seq, data FROM audit_log WHERE action = 'test.tamper' ORDER BY seq LIMIT 1 OFFSET 1`,
    )
    const target = rows[0]
    // Someone with the table owner's rights: switch the trigger off, then edit the amount.
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')
    await client.query(`UPDATE audit_log SET data = '{"amount": 5000}' WHERE id = $1`, [target.id])
    try {
      const result = await auditVerify()
      expect(result.code).toBe(1)
      expect(result.out).toContain(`BROKEN at seq ${target.seq} (id ${target.id})`)
      expect(result.out).toMatch(/changed after it was written/)

      const first = await runVerifyJob(payload)
      const second = await runVerifyJob(payload)
      expect(first).toMatchObject({ ok: false, seq: target.seq })
      expect(second).toMatchObject({ ok: false, seq: target.seq })
      const alerts = await payload.count({
        collection: 'audit-log',
        where: {
          action: { equals: 'audit.chain_broken' },
          entityId: { equals: String(target.seq) },
        },
      })
      expect(alerts.totalDocs).toBe(1)
    } finally {
      // Put the row back so the chain (and later specs) are sound again.
      await client.query(`UPDATE audit_log SET data = $2 WHERE id = $1`, [
        target.id,
        JSON.stringify(target.data),
      ])
      await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only')
    }
    expect(await verifyAuditChain(payload)).toMatchObject({ ok: true })
  })

  it('refuses an entry whose staff or resident actor has no id', async () => {
    const payload = await localPayload()
    await expect(
      withTransaction(payload, (req) =>
        recordAudit(req, {
          action: 'test.anonymous',
          entity: 'tests',
          entityId: 1,
          actor: { type: 'staff' },
        }),
      ),
    ).rejects.toThrow(/needs an id/)
  })

  it('audits a change of staff roles with the staff member who made it', async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    await payload.update({
      collection: 'users',
      id: lgu.reviewer.user.id,
      data: { roles: ['org-manager'] },
      user: lgu.manager.user,
      overrideAccess: true,
    })
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: {
        action: { equals: 'user.roles_changed' },
        entityId: { equals: String(lgu.reviewer.user.id) },
      },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ actorType: 'staff', actorId: String(lgu.manager.user.id) })
    expect(docs[0].data).toMatchObject({ roles: ['org-manager'], previousRoles: ['reviewer'] })
  })
})
