import type { CollectionBeforeOperationHook, Where } from 'payload'

const DIGITS = /^\s*\d{2,10}\s*$/

/** `{label: {like: "13807"}}` also matches PSGC codes, so pickers that search the title find codes. */
const widen = (where: Where): Where => {
  const out: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      out[key] = value.map((inner) => widen(inner as Where))
    } else if (
      key === 'label' &&
      value &&
      typeof value === 'object' &&
      typeof (value as { like?: unknown }).like === 'string' &&
      DIGITS.test((value as { like: string }).like)
    ) {
      const term = (value as { like: string }).like.trim()
      out.or = [{ label: { like: term } }, { code: { like: term } }]
    } else {
      out[key] = value as Where[string]
    }
  }
  return out
}

/** Lets a search by label (the admin's pickers and list search) find a place by its PSGC code. */
export const searchByCode: CollectionBeforeOperationHook = ({ args, operation }) => {
  const find = args as { where?: Where }
  if (operation === 'read' && find.where) find.where = widen(find.where)
  return args
}

/** Over REST and GraphQL a page holds at most 100 places: `limit=0` would send all 43,767. */
export const capPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI === 'local') return args
  const find = args as { limit?: number; pagination?: boolean }
  if (find.pagination === false) {
    find.pagination = true
    find.limit ||= 100
  }
  if (find.limit === 0 || Number(find.limit) > 100) find.limit = 100
  return args
}
