import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { afterCommit } from '../../../src/lib/afterCommit'
import { HttpError } from '../../../src/lib/errors'
import { query } from '../../../src/lib/sql'
import { remainingCodes } from '../operations/assignVoucherCode'
import { parseCodesCsv } from '../operations/parseCodesCsv'
import { resumeWaitingRewards } from '../operations/resumeWaitingRewards'

const CODES = 'voucherImportCodes'

/** Takes the pasted CSV off the document (it is not stored) and checks it before saving. */
export const takeImportCsv: CollectionBeforeChangeHook = ({ data, req }) => {
  const csv = data.importCsv
  delete data.importCsv
  if (typeof csv !== 'string' || !csv.trim()) return data
  try {
    req.context[CODES] = parseCodesCsv(csv)
  } catch (err) {
    throw new HttpError(`Voucher codes: ${(err as Error).message}`, 400)
  }
  return data
}

/**
 * Adds the parsed codes to the pool in the same transaction (codes already there are skipped),
 * then, after the commit, pays rewards that were waiting for codes.
 */
export const importCodesAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const codes = req.context[CODES] as string[] | undefined
  if (!codes?.length) return doc
  delete req.context[CODES]
  const inserted = await query<{ id: number }>(
    { payload: req.payload, req },
    `INSERT INTO voucher_codes (pool_id, code, updated_at, created_at)
     SELECT $1, code, now(), now() FROM unnest($2::text[]) AS code
     ON CONFLICT (pool_id, code) DO NOTHING RETURNING id`,
    [doc.id, codes],
  )
  const summary = `${new Date().toISOString()}: ${inserted.length} added, ${codes.length - inserted.length} already in the pool`
  await query(
    { payload: req.payload, req },
    'UPDATE voucher_pools SET last_import = $2 WHERE id = $1',
    [doc.id, summary],
  )
  // Rewards waiting for codes are paid from the new ones, once they are committed.
  await afterCommit(req, () => resumeWaitingRewards(req.payload, doc.id, inserted.length))
  // afterRead ran before this hook: give the answer the pool's new stock.
  const remaining = await remainingCodes({ payload: req.payload, req }, doc.id)
  return { ...doc, lastImport: summary, remaining, low: remaining < (doc.lowWatermark ?? 0) }
}
