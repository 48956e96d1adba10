import type { ArrayField, FieldHook } from 'payload'

/**
 * Kinds of question a task's form can ask. The stored values are the API's; the labels are
 * what staff see. A photo answer is the id of a proof the resident uploaded; a location answer
 * is `{lat, lng, accuracy?}`.
 */
export const QUESTION_TYPES = [
  { value: 'text', label: 'Short text' },
  { value: 'textarea', label: 'Long text' },
  { value: 'number', label: 'Number' },
  { value: 'select', label: 'Single choice' },
  { value: 'multiple_choice', label: 'Multiple choice' },
  { value: 'checkbox', label: 'Yes / no' },
  { value: 'photo', label: 'Photo' },
  { value: 'location', label: 'Location' },
  { value: 'date', label: 'Date' },
] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]['value']

/** Question types answered by picking from `options`. */
export const CHOICE_TYPES: readonly string[] = ['select', 'multiple_choice']

/** Question types that are always required: a photo proof and a place. */
export const ALWAYS_REQUIRED: readonly string[] = ['photo', 'location']

const MACHINE_NAME = /^[a-z][a-zA-Z0-9_]{0,63}$/

/** "Is the light working?" → "is_the_light_working". */
export const machineNameFor = (label: string) => {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48)
  return /^[a-z]/.test(base) ? base : `q_${base || 'question'}`.slice(0, 48)
}

/** Keeps a question's machine name once it has one, so answers already given stay readable. */
const stableName: FieldHook = ({ value, previousValue, siblingData }) => {
  if (typeof previousValue === 'string' && MACHINE_NAME.test(previousValue)) return previousValue
  if (typeof value === 'string' && value.trim()) return value.trim()
  const label = typeof siblingData?.label === 'string' ? siblingData.label : ''
  return label ? machineNameFor(label) : value
}

/** The form: questions staff write by label; the machine names answers use are derived. */
export const questionsField: ArrayField = {
  name: 'fields',
  type: 'array',
  labels: { singular: 'Question', plural: 'Form' },
  admin: { description: 'What residents answer. Names are made from the labels and never change.' },
  fields: [
    { name: 'label', type: 'text', required: true, maxLength: 200 },
    {
      type: 'row',
      fields: [
        {
          name: 'type',
          type: 'select',
          required: true,
          defaultValue: 'text',
          options: QUESTION_TYPES.map(({ value, label }) => ({ value, label })),
        },
        {
          name: 'required',
          type: 'checkbox',
          defaultValue: false,
          admin: {
            condition: (_, sibling) => !ALWAYS_REQUIRED.includes(sibling?.type),
            description: 'Photo and location questions are always required.',
          },
        },
      ],
    },
    {
      name: 'options',
      type: 'text',
      hasMany: true,
      admin: {
        condition: (_, sibling) => CHOICE_TYPES.includes(sibling?.type),
        description: 'The choices residents pick from.',
      },
      validate: (value: unknown, { siblingData }: { siblingData: { type?: string } }) => {
        if (!CHOICE_TYPES.includes(siblingData?.type ?? '')) return true
        const list = Array.isArray(value) ? value.filter((v) => String(v).trim()) : []
        if (list.length < 2) return 'A choice question needs at least two options.'
        if (new Set(list).size !== list.length) return 'Each option must be different.'
        return true
      },
    },
    {
      name: 'name',
      type: 'text',
      admin: { readOnly: true, description: 'Machine name, made from the label.' },
      hooks: { beforeValidate: [stableName] },
      validate: (value: unknown) =>
        typeof value === 'string' && MACHINE_NAME.test(value)
          ? true
          : 'A machine name has letters, digits and _ only, starting with a lowercase letter.',
    },
  ],
}

type Question = {
  name?: unknown
  label?: unknown
  type?: unknown
  required?: unknown
  options?: unknown
}

/**
 * Tidies a form before it is saved: options only on choice questions, photo and location
 * always required, and machine names unique within the form (a repeated label gets `_2`).
 */
export const normalizeQuestions = (
  questions: (Question & { id?: unknown })[] | undefined | null,
  saved: { id?: unknown; name?: unknown }[] | undefined | null = [],
) => {
  if (!Array.isArray(questions)) return questions
  // Questions already saved keep their names; only new ones give way.
  const savedNames = new Map((saved ?? []).map((q) => [q.id, q.name]))
  const seen = new Set<string>()
  for (const question of questions) {
    const kept = question.id != null ? savedNames.get(question.id) : undefined
    if (typeof kept === 'string') question.name = kept
    if (typeof question.name === 'string' && typeof kept === 'string') seen.add(question.name)
  }
  for (const question of questions) {
    if (!CHOICE_TYPES.includes(String(question.type))) question.options = []
    if (ALWAYS_REQUIRED.includes(String(question.type))) question.required = true
    if (typeof question.name !== 'string') continue
    if (question.id != null && typeof savedNames.get(question.id) === 'string') continue
    let name = question.name
    for (let n = 2; seen.has(name); n++) name = `${question.name.slice(0, 60)}_${n}`
    question.name = name
    seen.add(name)
  }
  return questions
}
