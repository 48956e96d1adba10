import type { CollectionBeforeChangeHook } from 'payload'

/** A task with no targets is nationwide; stored so the feed can filter on it cheaply. */
export const markNationwide: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const targets = data.targets ?? originalDoc?.targets ?? []
  data.nationwide = targets.length === 0
  return data
}
