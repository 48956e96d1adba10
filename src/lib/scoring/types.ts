/** An earlier photo that looks like the one being scored. */
export type NearDuplicate = { submission: number; resident: number; distance: number }

/**
 * One reason a submission looks risky, as reviewers read it: the rule's name, the points it added
 * (0 for a note, such as a check that could not run), and the same sentence in English and
 * Filipino. Stored on `submissions.reasons` as an array.
 */
export type Reason = { rule: RuleName; points: number; en: string; fil: string }

/** The rules, by the names stored in reasons. */
export type RuleName =
  | 'duplicate_photo'
  | 'velocity'
  | 'shared_device'
  | 'shared_ip'
  | 'outside_task_area'
  | 'far_from_barangay'
  | 'capture_time'
  | 'new_account'
  | 'barangay_changed'
  | 'scoring_failed'

/** A point with an optional accuracy radius, in degrees and metres. */
export type Point = { lat: number; lng: number; accuracy?: number | null }

/** Everything the rules look at, loaded once per submission; the rules themselves are pure. */
export type ScoringContext = {
  submission: { id: number; createdAt: string; location?: Point | null }
  task: {
    id: number
    startsAt?: string | null
    /** Where the task must be done, when it says. */
    area?: { lat: number; lng: number; radiusM: number } | null
  }
  resident: {
    id: number
    createdAt: string
    homeBarangayChangedAt?: string | null
    /** The home barangay; `lat`/`lng` are missing for places without coordinates. */
    home?: { label: string; lat?: number | null; lng?: number | null } | null
  }
  /** The proof photo, or null when the submission has none. */
  photo: { capturedAt?: string | null; hash?: string | null } | null
  /** Earlier photos that look like this one, closest first. */
  duplicates: NearDuplicate[]
  /** This resident's submissions (this one included) in the hour before this one. */
  velocity: { lastHour: number; thisTaskLastHour: number }
  /** Other residents seen on this device id, and on this IP in the last day. */
  sharing: { deviceId?: string | null; residentsOnDevice: number; residentsOnIp: number }
}

/** Limits and weights of the rules; see DEFAULT_SETTINGS and the README. */
export type RuleSettings = {
  perHour: number
  perTaskPerHour: number
  nearbyKm: number
  staleCaptureDays: number
  newAccountHours: number
  barangayChangeHours: number
  devicePeers: number
  ipPeers: number
}

/** A rule: looks at the context, returns its reasons (none when it has nothing to say). */
export type Rule = (ctx: ScoringContext, settings: RuleSettings) => Reason[]
