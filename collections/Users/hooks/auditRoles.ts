import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, recordAudit } from '../../../src/lib/audit'
import { idsOf } from '../../../src/lib/ids'
import type { User } from '../../../src/payload-types'

const same = (a: readonly unknown[] = [], b: readonly unknown[] = []) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join()

/** A staff member's roles or organisations set or changed: audited with who did it. */
export const auditRoles: CollectionAfterChangeHook<User> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const roles = doc.roles ?? []
  const organizations = idsOf(doc.organizations)
  const before = operation === 'create' ? undefined : previousDoc
  if (
    before &&
    same(before.roles ?? [], roles) &&
    same(idsOf(before.organizations), organizations)
  ) {
    return doc
  }
  await recordAudit(req, {
    action: operation === 'create' ? 'user.created' : 'user.roles_changed',
    entity: 'users',
    entityId: doc.id,
    actor: actorOf(req),
    data: {
      roles,
      organizations,
      ...(before
        ? { previousRoles: before.roles ?? [], previousOrganizations: idsOf(before.organizations) }
        : {}),
    },
  })
  return doc
}
