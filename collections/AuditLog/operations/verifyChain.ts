import type { Payload } from 'payload'

import { chainKey, contentOf, entryHash, GENESIS_HASH } from '../../../src/lib/auditChain'

/** The first link that does not hold, or the head of a sound chain. */
export type ChainReport =
  | { ok: true; entries: number; head?: { seq: number; hash: string } }
  | { ok: false; entries: number; seq: number; id?: number; problem: string }

const PAGE = 1000

/**
 * Walks the audit log in `seq` order and reports the first entry that was edited (its content no
 * longer matches its hash), removed (a gap in `seq`) or relinked (its `prevHash` is not the hash
 * of the entry before it). Reads in pages, so it runs over millions of entries in bounded memory.
 */
export const verifyAuditChain = async (
  payload: Payload,
  { key = chainKey() }: { key?: string } = {},
): Promise<ChainReport> => {
  let prev = { seq: 0, hash: GENESIS_HASH }
  let entries = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { seq: { greater_than: prev.seq } },
      sort: 'seq',
      limit: PAGE,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const row of docs) {
      const seq = Number(row.seq)
      const broken = (problem: string): ChainReport => ({
        ok: false,
        entries,
        seq,
        id: row.id,
        problem,
      })
      if (seq !== prev.seq + 1) {
        return broken(
          `entry ${prev.seq + 1} is missing: after seq ${prev.seq} comes seq ${seq} (deleted?)`,
        )
      }
      if (row.prevHash !== prev.hash) {
        return broken(`entry ${seq} does not link to entry ${prev.seq}: its prevHash differs`)
      }
      if (entryHash(contentOf(row), key) !== row.hash) {
        return broken(`entry ${seq} (id ${row.id}) was changed after it was written`)
      }
      prev = { seq, hash: row.hash }
      entries++
    }
    if (docs.length < PAGE) break
  }
  return { ok: true, entries, head: entries ? prev : undefined }
}

/** One line a person can read, for the CLI and the alert. */
export const describeReport = (report: ChainReport) =>
  report.ok
    ? `audit log OK: ${report.entries} entries${report.head ? `, head seq ${report.head.seq} ${report.head.hash}` : ''}`
    : `audit log BROKEN at seq ${report.seq} (id ${report.id}): ${report.problem}; ${report.entries} entries before it verified`
