'use client'
import { useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Place = { id: number; label: string; code: string; level: string; barangays: number }

const idsOf = (value: unknown): number[] =>
  (Array.isArray(value) ? value : [])
    .map((v) =>
      Number(
        typeof v === 'object' && v
          ? ((v as { id?: unknown; value?: unknown }).id ?? (v as { value?: unknown }).value)
          : v,
      ),
    )
    .filter((n) => Number.isFinite(n))

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en-PH')} ${word}${n === 1 ? '' : 's'}`

/**
 * Under the Targets picker: how many barangays the chosen places cover, and a link to browse
 * each chosen city's or province's barangays.
 */
export const TargetsCoverage = () => {
  const value = useFormFields(([fields]) => fields.targets?.value)
  const ids = idsOf(value)
  const key = ids.join(',')
  const [places, setPlaces] = useState<Place[]>([])

  useEffect(() => {
    if (!key) return setPlaces([])
    const params = new URLSearchParams({ depth: '0', limit: '100' })
    params.set('where[id][in]', key)
    for (const field of ['label', 'code', 'level', 'barangays'])
      params.set(`select[${field}]`, 'true')
    const controller = new AbortController()
    fetch(`/api/places?${params}`, { credentials: 'include', signal: controller.signal })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then((body: { docs: Place[] }) => setPlaces(body.docs))
      .catch(() => {})
    return () => controller.abort()
  }, [key])

  if (!ids.length) {
    return (
      <p style={{ margin: '6px 0 0', color: 'var(--theme-elevation-600)' }}>
        No targets: every resident in the organisation&apos;s area (nationwide for organisations
        without one) can see this task. Type a barangay, a city or a PSGC code to choose places.
      </p>
    )
  }
  const total = places.reduce((sum, place) => sum + (place.barangays || 0), 0)
  return (
    <div
      style={{ margin: '6px 0 0', color: 'var(--theme-elevation-800)' }}
      data-testid="targets-coverage"
    >
      <strong>Reaches {plural(total, 'barangay')}.</strong>{' '}
      {places
        .filter((place) => place.level !== 'barangay')
        .map((place) => (
          <span key={place.id} style={{ marginRight: 12 }}>
            {place.label}: {plural(place.barangays, 'barangay')} (
            <a
              href={`/admin/collections/places?where[lineage][contains]=${place.code}&where[level][equals]=barangay&limit=100`}
              target="_blank"
              rel="noreferrer"
            >
              browse
            </a>
            )
          </span>
        ))}
    </div>
  )
}

export default TargetsCoverage
