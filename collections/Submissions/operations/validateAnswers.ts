import type { Task } from '../../../src/payload-types'

type Question = NonNullable<Task['fields']>[number] & { name?: string | null }

/** Longest answers kept, by question type. */
const MAX_TEXT = { text: 500, textarea: 5000 } as const

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0)

/**
 * Checks answers against a task's form; returns one message per problem, each naming the
 * question by the label the resident saw, empty when fine.
 */
export const validateAnswers = (questions: Question[], answers: unknown): string[] => {
  if (answers === undefined || answers === null) answers = {}
  if (typeof answers !== 'object' || Array.isArray(answers)) {
    return ['answers must be an object keyed by question name']
  }
  const given = answers as Record<string, unknown>
  const problems: string[] = []
  const known = new Set(questions.map((q) => q.name ?? ''))
  for (const name of Object.keys(given)) {
    if (!known.has(name)) problems.push(`"${name}" is not a question of this task`)
  }
  for (const q of questions) {
    if (!q.name) continue
    const value = given[q.name]
    if (isBlank(value)) {
      if (q.required) problems.push(`Answer "${q.label}" (${q.name}); it is required`)
      continue
    }
    const problem = checkType(q, value)
    if (problem) problems.push(problem)
  }
  return problems
}

const isCoordinate = (value: unknown, limit: number) =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit

const checkType = (q: Question, value: unknown): string | undefined => {
  const options = q.options ?? []
  switch (q.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return `"${q.label}" must be text`
      if (value.length > MAX_TEXT[q.type]) {
        return `"${q.label}" is too long (at most ${MAX_TEXT[q.type]} characters)`
      }
      return undefined
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `"${q.label}" must be a number`
    case 'checkbox':
      return typeof value === 'boolean'
        ? undefined
        : `"${q.label}" must be yes (true) or no (false)`
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? undefined
        : `"${q.label}" must be a date like 2026-11-25`
    case 'select':
      return typeof value === 'string' && options.includes(value)
        ? undefined
        : `"${q.label}" must be one of: ${options.join(', ')}`
    case 'multiple_choice': {
      const picks = Array.isArray(value) ? value : undefined
      if (!picks || !picks.every((v) => typeof v === 'string' && options.includes(v))) {
        return `"${q.label}" must be a list of some of: ${options.join(', ')}`
      }
      return new Set(picks).size === picks.length ? undefined : `"${q.label}" lists a choice twice`
    }
    case 'photo':
      return Number.isInteger(value) && (value as number) > 0
        ? undefined
        : `"${q.label}" must be the id of a photo you uploaded`
    case 'location': {
      const { lat, lng, accuracy } = value as { lat?: unknown; lng?: unknown; accuracy?: unknown }
      if (
        typeof value !== 'object' ||
        Array.isArray(value) ||
        !isCoordinate(lat, 90) ||
        !isCoordinate(lng, 180)
      ) {
        return `"${q.label}" must be a place like {"lat": 14.65, "lng": 121.1}`
      }
      if (accuracy !== undefined && !(typeof accuracy === 'number' && accuracy >= 0)) {
        return `"${q.label}" has an accuracy that is not a distance in metres`
      }
      return undefined
    }
    default:
      return undefined
  }
}
