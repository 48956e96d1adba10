import type { AnswerValue } from './types'

/** A question of a task's form, as far as the workspace needs it. */
export type Question = {
  name: string
  label?: string | null
  type?: string | null
  options?: unknown
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Options may be plain strings or `{label, value}` pairs; map a stored value to what people read. */
const optionLabel = (options: unknown, value: unknown) => {
  if (Array.isArray(options)) {
    for (const option of options) {
      if (isObject(option) && option.value === value && typeof option.label === 'string')
        return option.label
    }
  }
  return String(value)
}

const coordinates = (value: Record<string, unknown>) =>
  `${Number(value.lat).toFixed(5)}, ${Number(value.lng).toFixed(5)}` +
  (typeof value.accuracy === 'number' ? ` (±${Math.round(value.accuracy)} m)` : '')

/** One answer as people read it, whatever the question type: never raw JSON when avoidable. */
export const formatAnswer = (question: Question | undefined, value: unknown): AnswerValue => {
  if (value === undefined || value === null || value === '') return { kind: 'empty' }
  // A photo question holds the proof's id; the photo itself is shown beside the answers.
  if (question?.type === 'photo')
    return { kind: 'text', text: 'Photo attached (shown on the left)' }
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' }
    if (value.every((v) => !isObject(v) && !Array.isArray(v)))
      return { kind: 'list', items: value.map((v) => optionLabel(question?.options, v)) }
    return { kind: 'json', value }
  }
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Yes' : 'No' }
  if (isObject(value)) {
    if (typeof value.lat === 'number' && typeof value.lng === 'number')
      return { kind: 'text', text: coordinates(value) }
    return { kind: 'json', value }
  }
  if (question?.type === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
    return { kind: 'text', text: formatManilaTime(value, { dateOnly: true }) }
  return { kind: 'text', text: optionLabel(question?.options, value) }
}

/** Answers in the form's order; answers to questions no longer on the form come last. */
export const answersForPeople = (questions: Question[], answers: unknown) => {
  const given = isObject(answers) ? answers : {}
  const rows = questions.map((q) => ({
    label: q.label || q.name,
    type: q.type ?? 'text',
    value: formatAnswer(q, given[q.name]),
  }))
  const known = new Set(questions.map((q) => q.name))
  for (const [name, value] of Object.entries(given)) {
    if (!known.has(name))
      rows.push({ label: name, type: 'unknown', value: formatAnswer(undefined, value) })
  }
  return rows
}

/** Staff in the Philippines read times in Philippine time, whatever the server's zone. */
export const formatManilaTime = (iso: string, { dateOnly = false } = {}) =>
  new Intl.DateTimeFormat('en-PH', {
    timeZone: 'Asia/Manila',
    dateStyle: 'medium',
    ...(dateOnly ? {} : { timeStyle: 'short' }),
  }).format(new Date(iso))

/** Great-circle distance in metres. */
export const distanceMetres = (
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
) => {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)))
}

/** Scoring reasons may be strings, `{code, message}` objects or a keyed object; list them as text. */
export const reasonsForPeople = (reasons: unknown): string[] => {
  if (reasons === null || reasons === undefined) return []
  if (typeof reasons === 'string') return [reasons]
  const list = Array.isArray(reasons) ? reasons : isObject(reasons) ? Object.entries(reasons) : []
  return list.map((reason) => {
    if (typeof reason === 'string') return reason
    if (Array.isArray(reason))
      return `${reason[0]}: ${typeof reason[1] === 'object' ? JSON.stringify(reason[1]) : String(reason[1])}`
    if (isObject(reason)) {
      // Scoring writes `{rule, points, en, fil}`; the admin speaks English.
      const text =
        reason.en ?? reason.message ?? reason.label ?? reason.reason ?? reason.rule ?? reason.code
      if (typeof text === 'string')
        return typeof reason.points === 'number' && reason.points > 0
          ? `${text} (+${reason.points})`
          : text
    }
    return JSON.stringify(reason)
  })
}
