/**
 * Near-duplicate photo lookup: the band index (`findNearDuplicates`) against a full scan of every
 * hash (`scanNearDuplicates`, the baseline), over N generated 64-bit hashes in a throwaway
 * database with the real schema (all migrations applied).
 *
 * Half the queries are planted near-copies (an indexed hash with 1–10 bits flipped, which both
 * must find), half are fresh random hashes (which should find nothing). Every query's answers from
 * both methods are compared, so the index is shown to miss nothing as well as to be faster.
 *
 * Usage: npx tsx bench/nearDuplicates.ts [--hashes 100000] [--queries 200]
 *        (npm run bench:phash). Uses DATABASE_URL's server if set, else embedded Postgres.
 */
import { randomBytes, randomInt } from 'node:crypto'
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import { createTestDatabase } from '../tests/helpers/testDatabase'
import { MAX_INDEXED_DISTANCE } from '../src/lib/scoring/bands'
import {
  findNearDuplicates,
  NEAR_DUPLICATE_DISTANCE,
  scanNearDuplicates,
} from '../src/lib/scoring/nearDuplicates'

const { values: args } = parseArgs({
  options: {
    hashes: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
  },
})
const HASHES = Number(args.hashes)
const QUERIES = Number(args.queries)

const randomHash = () => randomBytes(8).toString('hex')
const flipBits = (hash: string, n: number) => {
  let x = BigInt(`0x${hash}`)
  const bits = new Set<number>()
  while (bits.size < n) bits.add(randomInt(0, 64))
  for (const bit of bits) x ^= 1n << BigInt(bit)
  return x.toString(16).padStart(16, '0')
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const ms = (n: number) => `${n.toFixed(3)} ms`

const main = async () => {
  const database = await createTestDatabase()
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET ??= 'bench-secret'
  process.env.DATABASE_POOL_MAX = '2'
  try {
    const { default: config } = await import('../src/payload.config')
    const { migrations } = await import('../src/migrations')
    const payload = await getPayload({ config, key: 'bench-near-duplicates' })
    await payload.db.migrate({ migrations: migrations as never })
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    // Dropping the throwaway database at the end ends these connections: not an error.
    pool.on('error', () => {})

    console.error(`[bench] inserting ${HASHES} hashes…`)
    const client = await pool.connect()
    const hashes: string[] = []
    try {
      // No submissions exist in this throwaway database: skip the foreign-key checks.
      await client.query('SET session_replication_role = replica')
      for (let start = 0; start < HASHES; start += 5000) {
        const batch = Array.from({ length: Math.min(5000, HASHES - start) }, randomHash)
        hashes.push(...batch)
        await client.query(
          `INSERT INTO photo_hashes (submission_id, resident_id, hash, band0, band1, band2, band3)
           SELECT $1::int + i, 1 + i % 997, h,
                  ('x' || substr(h, 1, 4))::bit(16)::int, ('x' || substr(h, 5, 4))::bit(16)::int,
                  ('x' || substr(h, 9, 4))::bit(16)::int, ('x' || substr(h, 13, 4))::bit(16)::int
           FROM unnest($2::text[]) WITH ORDINALITY AS t(h, i)`,
          [start, batch],
        )
      }
      await client.query('SET session_replication_role = DEFAULT')
      await client.query('ANALYZE photo_hashes')
    } finally {
      client.release()
    }

    const queries = Array.from({ length: QUERIES }, (_, i) =>
      i % 2 === 0
        ? { hash: flipBits(hashes[randomInt(0, hashes.length)], 1 + (i % 20) / 2), planted: true }
        : { hash: randomHash(), planted: false },
    )
    // Warm both paths (plans, caches) before timing.
    for (const q of queries.slice(0, 10)) {
      await findNearDuplicates(payload, q.hash)
      await scanNearDuplicates(payload, q.hash)
    }
    const indexed: number[] = []
    const scanned: number[] = []
    let found = 0
    let mismatches = 0
    for (const q of queries) {
      let t = performance.now()
      const a = await findNearDuplicates(payload, q.hash, { limit: 50 })
      indexed.push(performance.now() - t)
      t = performance.now()
      const b = await scanNearDuplicates(payload, q.hash, NEAR_DUPLICATE_DISTANCE, 50)
      scanned.push(performance.now() - t)
      if (JSON.stringify(a) !== JSON.stringify(b)) mismatches++
      if (q.planted && a.length) found++
    }
    const planted = queries.filter((q) => q.planted).length
    const ratio = median(scanned) / median(indexed)
    console.log(
      `near-duplicate lookup over ${HASHES.toLocaleString('en')} hashes, ${QUERIES} queries`,
    )
    console.log(
      `  threshold ${NEAR_DUPLICATE_DISTANCE} bits (index guarantees ≤ ${MAX_INDEXED_DISTANCE})`,
    )
    console.log(
      `  band index  median ${ms(median(indexed))}   p95 ${ms(indexed.sort((x, y) => x - y)[Math.floor(QUERIES * 0.95)])}`,
    )
    console.log(
      `  full scan   median ${ms(median(scanned))}   p95 ${ms(scanned.sort((x, y) => x - y)[Math.floor(QUERIES * 0.95)])}   (baseline)`,
    )
    console.log(`  ratio       full scan / band index = ${ratio.toFixed(1)}×`)
    console.log(
      `  planted copies found ${found}/${planted}; answers differing between the two: ${mismatches}`,
    )
    if (mismatches || found !== planted) process.exitCode = 1
  } finally {
    await database.dispose()
    setTimeout(() => process.exit(), 100).unref()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
