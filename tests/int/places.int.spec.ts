import { describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { PLACES } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

describe('places people can find', () => {
  it('gives all 43,767 places a stored label that no other place shares', async () => {
    const payload = await localPayload()
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    const { rows } = await pool.query<{ total: string; labelled: string; distinct: string }>(
      `SELECT count(*) AS total, count(label) AS labelled, count(DISTINCT label) AS distinct FROM places`,
    )
    expect(Number(rows[0].total)).toBe(43_767)
    expect(Number(rows[0].labelled)).toBe(43_767)
    expect(Number(rows[0].distinct)).toBe(43_767)
  })

  it('tells namesakes apart by their city and region', async () => {
    const res = await api('GET', '/api/places?where[label][like]=Malanday&limit=10&depth=0')
    expect(res.status).toBe(200)
    const labels = res.body.docs
      .map((place: { label: string }) => place.label)
      .filter((label: string) => label.startsWith('Malanday,'))
      .sort()
    expect(labels).toEqual([
      'Malanday, City of Marikina, NCR',
      'Malanday, City of Valenzuela, NCR',
      'Malanday, San Mateo, Rizal',
    ])
  })

  it('looks a place up by its PSGC code, exactly or as typed into a picker', async () => {
    const exact = await api('GET', `/api/places?where[code][equals]=${PLACES.concepcionUno}`)
    expect(exact.status).toBe(200)
    expect(exact.body.totalDocs).toBe(1)
    expect(exact.body.docs[0]).toMatchObject({
      code: PLACES.concepcionUno,
      name: 'Concepcion Uno',
      level: 'barangay',
      label: 'Concepcion Uno, City of Marikina, NCR',
      barangays: 1,
    })

    // The admin's pickers search the title (label); a code typed there finds the place too.
    const typed = await api('GET', `/api/places?where[label][like]=${PLACES.concepcionUno}`)
    expect(typed.body.docs.map((place: { code: string }) => place.code)).toEqual([
      PLACES.concepcionUno,
    ])
  })

  it("browses a city's barangays and counts them", async () => {
    const city = await api('GET', `/api/places?where[code][equals]=${PLACES.marikinaCity}`)
    expect(city.body.docs[0]).toMatchObject({ label: 'City of Marikina, NCR', barangays: 16 })
    const barangays = await api(
      'GET',
      `/api/places?where[lineage][contains]=${PLACES.marikinaCity}&where[level][equals]=barangay&limit=100`,
    )
    expect(barangays.body.totalDocs).toBe(16)
    expect(barangays.body.docs.map((place: { label: string }) => place.label)).toContain(
      'Nangka, City of Marikina, NCR',
    )
  })

  it('sends at most 100 places a page, and refuses anonymous callers who ask for more', async () => {
    for (const query of ['limit=0', 'limit=5000']) {
      const res = await api('GET', `/api/places?${query}&depth=0&select[code]=true`)
      expect(res.status).toBe(400)
      expect(errorMessage(res)).toMatch(/"limit" must be from 1 to 100/)
    }
    const unpaged = await api('GET', '/api/places?pagination=false&depth=0&select[code]=true')
    expect(unpaged.status).toBe(200)
    expect(unpaged.body.docs.length).toBe(100)
  })
})

describe('places loaded before labels existed', () => {
  it('get their labels from the migration backfill', async () => {
    const payload = await localPayload()
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    await pool.query(`UPDATE places SET label = NULL, lineage = NULL WHERE code LIKE '13807%'`)
    const { backfillPlaceLabels } = await import('../../src/migrations/sql/placeLabels')
    await backfillPlaceLabels({ db: payload.db.drizzle as never })
    const { rows } = await pool.query<{ label: string; lineage: string }>(
      `SELECT label, lineage FROM places WHERE code = $1`,
      [PLACES.concepcionUno],
    )
    expect(rows[0]).toEqual({
      label: 'Concepcion Uno, City of Marikina, NCR',
      lineage: `1300000000 ${PLACES.marikinaCity} ${PLACES.concepcionUno}`,
    })
  })
})
