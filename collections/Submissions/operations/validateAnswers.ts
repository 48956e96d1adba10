import type { Task } from '../../../src/payload-types'

type Question = NonNullable<Task['fields']>[number]

/** Checks answers against a task's form; returns one message per problem, empty when fine. */
export const validateAnswers = (questions: Question[], answers: unknown): string[] => {
  if (answers === undefined || answers === null) answers = {}
  if (typeof answers !== 'object' || Array.isArray(answers)) {
    return ['answers must be an object keyed by question name']
  }
  const given = answers as Record<string, unknown>
  const problems: string[] = []
  const known = new Set(questions.map((q) => q.name))
  for (const name of Object.keys(given)) {
    if (!known.has(name)) problems.push(`"${name}" is not a question of this task`)
  }
  for (const q of questions) {
    const value = given[q.name]
    const missing = value === undefined || value === null || value === ''
    if (missing) {
      if (q.required) problems.push(`Answer "${q.label}" (${q.name}); it is required`)
      continue
    }
    const problem = checkType(q, value)
    if (problem) problems.push(problem)
  }
  return problems
}

const checkType = (q: Question, value: unknown): string | undefined => {
  switch (q.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return `"${q.label}" must be text`
      if (value.length > (q.type === 'text' ? 500 : 5000)) return `"${q.label}" is too long`
      return undefined
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `"${q.label}" must be a number`
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : `"${q.label}" must be true or false`
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? undefined
        : `"${q.label}" must be a date like 2026-11-25`
    case 'select': {
      const options = q.options ?? []
      return typeof value === 'string' && options.includes(value)
        ? undefined
        : `"${q.label}" must be one of: ${options.join(', ')}`
    }
    default:
      return undefined
  }
}
