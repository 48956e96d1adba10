/** What the review workspace shows for one submission. Built on the server; holds no phone. */
export type ReviewItem = {
  id: number
  createdAt: string
  task: {
    id: number
    title: string
    description?: string
    organization: string
    targets: string[]
  }
  /** What approving pays, as offered when the resident submitted, e.g. "₱25.00 GCash". */
  reward?: string
  /** Set when a rejection was appealed: the resident's message and the reason they answer. */
  appeal?: { message: string; at?: string; previousNote?: string }
  /** The first text answer, shortened, to tell items of one task apart in the queue. */
  snippet?: string
  /** Answers in the form's order, under the question labels the resident saw. */
  answers: { label: string; type: string; value: AnswerValue }[]
  /** The photo proofs, the submission's own first; empty when none came. */
  photos: ReviewPhoto[]
  location?: { lat: number; lng: number; accuracy?: number }
  /** Whether the location lies in the task's area; null when that cannot be told. */
  insideArea: boolean | null
  score?: number
  reasons: string[]
  resident: { handle: string; submissions: number; approved: number; rejected: number }
}

/** An answer ready to print: text, a list of choices, a yes/no, coordinates, or nothing. */
export type AnswerValue =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }

/** The whole queue as the view receives it. */
export type ReviewQueue = {
  items: ReviewItem[]
  /** All submissions waiting for this reviewer, which can be more than `items`. */
  waiting: number
  /** How the queue is ordered, in words. */
  order: string
}

/** One photo proof, served through its access-checked URL. */
export type ReviewPhoto = {
  id: number
  /** "Photo", or the label of the photo question it answers. */
  label: string
  thumbnail: string
  full: string
  /** When the camera says it was taken (from EXIF, read before it was stripped). */
  capturedAt?: string
  /** Metres between where the photo says it was taken and the submitted location. */
  distanceM?: number
}
