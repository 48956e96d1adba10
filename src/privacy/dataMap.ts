import type { CollectionSlug } from 'payload'

/** How a resident's rows are found in a collection that holds their personal data. */
export type Owner =
  /** The resident's own profile. */
  | { by: 'self' }
  /** A relationship field pointing at the resident. */
  | { by: 'relationship'; field: string }
  /** A text field holding the resident's phone number (before erasure). */
  | { by: 'phone'; field: string }
  /** A relationship field pointing at one of the resident's rows in another personal collection. */
  | { by: 'via'; field: string; collection: CollectionSlug }
  /** Audit entries about the resident, their submissions and their rewards, or by them. */
  | { by: 'audit' }

/** A collection that holds residents' personal data: exported, and handled on erasure. */
export type PersonalCollection = {
  personal: true
  owner: Owner
  /**
   * Fields left out of the export, each with the reason. Only secrets (password hashes, code
   * hashes) and internals that tell the resident nothing belong here.
   */
  withheld?: Record<string, string>
  /** What erasure does to the rows (see collections/Residents/operations/eraseResident). */
  onErasure: string
  /** Fields holding IP addresses: cleared by the retention job once older than its period. */
  ipFields?: string[]
}

/**
 * A collection with no personal data about residents, and why. `allowed` names fields that
 * look personal but are not about residents (staff e-mail), each with the reason.
 */
export type NonPersonalCollection = {
  personal: false
  reason: string
  allowed?: Record<string, string>
}

/**
 * Every collection, personal or not. Typed by the generated collection slugs, so adding a
 * collection without deciding here fails `npm run typecheck`; `tests/int/privacyMap.int.spec.ts`
 * checks the answers against the Payload config and the real export.
 */
export const DATA_MAP: Record<CollectionSlug, PersonalCollection | NonPersonalCollection> = {
  residents: {
    personal: true,
    owner: { by: 'self' },
    withheld: {
      hash: 'password hash (residents have no password)',
      salt: 'password salt',
      password: 'never stored in clear',
      resetPasswordToken: 'a secret; residents cannot reset passwords',
      resetPasswordExpiration: 'belongs to the reset token',
      resetPasswordRequestedAt: 'belongs to the reset token',
      loginAttempts: 'Payload’s password lock-out counter; residents sign in by SMS code',
      lockUntil: 'Payload’s password lock-out time; residents sign in by SMS code',
    },
    onErasure:
      'phone replaced by a keyed hash, name, GCash number, e-mail, username and home barangay cleared, sessions ended',
  },
  consents: {
    personal: true,
    owner: { by: 'relationship', field: 'resident' },
    onErasure: 'kept, append-only, under the pseudonym: the proof of what was consented to',
  },
  submissions: {
    personal: true,
    owner: { by: 'relationship', field: 'resident' },
    onErasure: 'free-text answers and location scrubbed; choices, numbers and status kept',
  },
  rewards: {
    personal: true,
    owner: { by: 'relationship', field: 'resident' },
    onErasure:
      'kept (financial records); the payout account becomes the keyed hash, the holder’s name is cleared',
  },
  'audit-log': {
    personal: true,
    owner: { by: 'audit' },
    onErasure: 'kept (hash-chained); entries never hold phone numbers, names or answers',
  },
  'sms-outbox': {
    personal: true,
    owner: { by: 'phone', field: 'to' },
    withheld: {
      sealedBody:
        'the text sealed for delivery: it may hold a one-time code, is wiped once sent, and `body` shows it with the code masked',
    },
    onErasure: 'deleted',
  },
  'otp-challenges': {
    personal: true,
    owner: { by: 'phone', field: 'phone' },
    withheld: {
      codeHash: 'a keyed hash of a one-time code: a secret, and useless after 5 minutes',
    },
    ipFields: ['requestIp'],
    onErasure: 'deleted',
  },
  'payout-ledger': {
    personal: true,
    owner: { by: 'via', field: 'reward', collection: 'rewards' },
    onErasure: 'kept: financial records, pointing at the pseudonymous reward',
  },
  'voucher-codes': {
    personal: true,
    owner: { by: 'via', field: 'reward', collection: 'rewards' },
    onErasure: 'kept: the code was issued; it names no one',
  },
  proofs: {
    personal: true,
    owner: { by: 'relationship', field: 'resident' },
    onErasure: 'deleted, with their files on disk or S3',
  },
  'photo-hashes': {
    personal: true,
    owner: { by: 'relationship', field: 'resident' },
    onErasure: 'deleted with the photos',
  },
  'voucher-pools': { personal: false, reason: 'organisations’ stocks of voucher codes' },
  'payload-query-presets': {
    personal: false,
    reason: 'staff members’ saved list filters in the admin',
    allowed: { user: 'the staff member who saved it' },
  },
  sponsorships: { personal: false, reason: 'invitations between organisations to co-sponsor' },
  organizations: { personal: false, reason: 'LGUs and brands' },
  users: {
    personal: false,
    reason: 'staff accounts, not residents',
    allowed: { email: 'a staff member’s sign-in, not a resident’s' },
  },
  places: { personal: false, reason: 'the PSGC list of places' },
  campaigns: { personal: false, reason: 'organisations’ campaigns' },
  tasks: { personal: false, reason: 'what organisations ask residents to do' },
  'payload-kv': { personal: false, reason: 'Payload’s internal key-value store' },
  'payload-locked-documents': {
    personal: false,
    reason: 'which staff member is editing which document in the admin',
    allowed: {
      document: 'points at the document being edited; copies none of it',
      user: 'the staff member editing (residents do not use the admin)',
    },
  },
  'payload-preferences': {
    personal: false,
    reason: 'staff members’ admin preferences',
    allowed: { user: 'the staff member whose preferences these are' },
  },
  'payload-migrations': { personal: false, reason: 'which migrations ran' },
}

/** The personal collections, in export order. */
export const personalCollections = () =>
  (
    Object.entries(DATA_MAP) as [CollectionSlug, PersonalCollection | NonPersonalCollection][]
  ).filter((entry): entry is [CollectionSlug, PersonalCollection] => entry[1].personal)
