/** A reviewer's decision, as the REST review endpoints take it. */
export type Decision = 'approved' | 'rejected'

/** What happened to one submission: decided, decided first by someone else (409), or refused. */
export type DecisionResult = {
  id: number
  ok: boolean
  conflict: boolean
  status?: string
  error?: string
}

const firstError = (body: unknown) =>
  (body as { errors?: { message?: string }[] } | undefined)?.errors?.[0]?.message

/** How the review operation words a decision that lost its race, when no status comes with it. */
const ALREADY_DECIDED = /already|someone else|decided first|is final/i

/** One decision: `PATCH /api/submissions/:id {status, reviewNote}` with the admin's session. */
export const decide = async (
  apiRoute: string,
  id: number,
  status: Decision,
  reviewNote: string,
): Promise<DecisionResult> => {
  try {
    const res = await fetch(`${apiRoute}/submissions/${id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(reviewNote ? { status, reviewNote } : { status }),
    })
    const body = await res.json().catch(() => undefined)
    if (res.ok) return { id, ok: true, conflict: false, status: body?.doc?.status ?? status }
    return {
      id,
      ok: false,
      conflict: res.status === 409,
      status: body?.status,
      error: firstError(body) ?? `The server answered ${res.status}.`,
    }
  } catch {
    return { id, ok: false, conflict: false, error: 'No connection to the server; try again.' }
  }
}

/**
 * Several decisions at once: `POST /api/submissions/bulk-review {ids, status, reviewNote}`,
 * which answers `{results: [{id, ok, status?, error?}]}`; a loser of a race is marked by the
 * status it already has.
 */
export const decideMany = async (
  apiRoute: string,
  ids: number[],
  status: Decision,
  reviewNote: string,
): Promise<DecisionResult[]> => {
  const res = await fetch(`${apiRoute}/submissions/bulk-review`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ids, status, reviewNote: reviewNote || undefined }),
  }).catch(() => undefined)
  const body = await res?.json().catch(() => undefined)
  if (!res?.ok || !Array.isArray(body?.results)) {
    const error =
      firstError(body) ??
      (res ? `The server answered ${res.status}.` : 'No connection to the server; try again.')
    return ids.map((id) => ({ id, ok: false, conflict: false, error }))
  }
  return (
    body.results as { id: number | string; ok: boolean; status?: string; error?: string }[]
  ).map((r) => ({
    id: Number(r.id),
    ok: r.ok,
    // Already decided (by a colleague, or by the scoring rules) is a lost race, not a failure.
    conflict:
      !r.ok &&
      ((Boolean(r.status) && r.status !== 'needs_review') || ALREADY_DECIDED.test(r.error ?? '')),
    status: r.status,
    error: r.error,
  }))
}
