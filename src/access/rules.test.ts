import type { Access, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { anyOf, ownedByResident, staffOfOrganization } from './rules'

const req = (user: unknown) => ({ req: { user } as PayloadRequest }) as Parameters<Access>[0]
const reviewer = { collection: 'users', id: 7, roles: ['reviewer'], organizations: [3, { id: 4 }] }
const admin = { collection: 'users', id: 1, roles: ['admin'], organizations: [] }
const resident = { collection: 'residents', id: 42 }

describe('access rules', () => {
  it('limits staff to their organisations, admins to nothing', () => {
    expect(staffOfOrganization()(req(reviewer))).toEqual({ organization: { in: [3, 4] } })
    expect(staffOfOrganization()(req(admin))).toBe(true)
    expect(staffOfOrganization(['org-manager'])(req(reviewer))).toBe(false)
    expect(staffOfOrganization()(req(resident))).toBe(false)
    expect(staffOfOrganization()(req(null))).toBe(false)
  })

  it('limits residents to their own rows', () => {
    expect(ownedByResident()(req(resident))).toEqual({ resident: { equals: 42 } })
    expect(ownedByResident()(req(reviewer))).toBe(false)
  })

  it('ORs the filters of the rules that grant something, and denies when none does', async () => {
    const rule = anyOf(ownedByResident(), staffOfOrganization())
    expect(await rule(req(resident))).toEqual({ resident: { equals: 42 } })
    expect(await rule(req(admin))).toBe(true)
    expect(await rule(req(null))).toBe(false)
    const both = anyOf(
      () => ({ a: { equals: 1 } }),
      () => ({ b: { equals: 2 } }),
    )
    expect(await both(req(resident))).toEqual({ or: [{ a: { equals: 1 } }, { b: { equals: 2 } }] })
  })
})
