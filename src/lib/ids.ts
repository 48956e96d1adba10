/** The id of a relationship value, whether Payload returned it populated or not. */
export const idOf = (value: unknown): number | undefined => {
  if (value == null) return undefined
  const id = typeof value === 'object' ? (value as { id?: unknown }).id : value
  const n = Number(id)
  return Number.isFinite(n) ? n : undefined
}

/** The ids of a hasMany relationship value, skipping anything that is not one. */
export const idsOf = (values: unknown): number[] =>
  (Array.isArray(values) ? values : []).map(idOf).filter((id): id is number => id !== undefined)
