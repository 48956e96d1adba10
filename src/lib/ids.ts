/** The id of a relationship value, whether Payload returned it populated or not. */
export const idOf = (value: unknown): number | undefined => {
  if (value == null) return undefined
  const id = typeof value === 'object' ? (value as { id?: unknown }).id : value
  const n = Number(id)
  return Number.isFinite(n) ? n : undefined
}
