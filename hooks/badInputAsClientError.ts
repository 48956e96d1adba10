import type { AfterErrorHook } from 'payload'

/** Postgres error codes that mean "the request carried a value of the wrong shape". */
const BAD_INPUT_CODES = new Set([
  '22P02', // invalid_text_representation: e.g. /api/submissions/abc for a numeric id
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
])

/** Constraint violations: the request conflicts with what the database holds. */
const CONFLICT_CODES: Record<string, string> = {
  '23503':
    'Other records still refer to this one, or the request refers to one that does not exist.',
  '23505': 'This already exists.',
  '23514': 'A value in the request is out of the allowed range.',
}

const pgCode = (error: unknown): string | undefined => {
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * A value Postgres cannot read (a non-numeric id, a date out of range) is the caller's mistake:
 * answer 400 with a message, not 500; a broken constraint is a 409 (or 400), never a 500. Shared by every collection, so it sits in the root config.
 */
export const badInputAsClientError: AfterErrorHook = ({ error }) => {
  const code = pgCode(error)
  // undefined_function: a filter whose operator the field's type lacks (`like` on a choice).
  if (code === '42883') {
    return {
      status: 400,
      response: {
        errors: [
          {
            message:
              'That filter does not work on this field; filter choices with "equals" or "in".',
          },
        ],
      },
    }
  }
  if (code && CONFLICT_CODES[code]) {
    return {
      status: code === '23514' ? 400 : 409,
      response: { errors: [{ message: CONFLICT_CODES[code] }] },
    }
  }
  if (!code || !BAD_INPUT_CODES.has(code)) return
  return {
    status: 400,
    response: {
      errors: [
        {
          message:
            'A value in the request has the wrong form (an id must be a number, a date a date).',
        },
      ],
    },
  }
}
