import type { CollectionConfig } from 'payload'

import { anyOf, isResident, ownedByResident, staffOfOrganization } from '../../src/access/rules'
import { isStaffField } from '../../src/access/rules'
import { submissionScoringFields } from './fields/scoring'
import { residentHandleField } from '../../src/fields/residentHandle'
import { createSubmissionEndpoint } from './endpoints/create'
import { captureSignals } from './hooks/captureSignals'
import { awaitScore, queueScoring } from './hooks/queueScoring'
import { checkNewSubmission } from './hooks/checkNewSubmission'
import { auditNewSubmission } from './hooks/auditNewSubmission'
import { guardReview } from './hooks/guardReview'
import { requireConsent } from './hooks/requireConsent'
import { appealEndpoint } from './endpoints/appeal'
import { bulkReviewEndpoint } from './endpoints/bulkReview'
import { REWARD_KINDS } from '../../src/fields/reward'
import { SUBMISSION_STATUSES } from './transitions'
import { statusOptions, SUBMISSION_STATUS_LABELS } from '../../src/lib/statusLabels'

const immutable = { update: () => false }
/** Read-only JSON for people: Payload's JSON editor loads from a CDN closed networks cannot reach. */
const JSON_VIEW = '/admin/JsonView#JsonViewField'

/** A resident's answer to a task, reviewed by staff of the task's organisation. */
export const Submissions: CollectionConfig = {
  slug: 'submissions',
  admin: {
    group: 'Civic work',
    defaultColumns: ['id', 'task', 'resident', 'status', 'createdAt'],
  },
  access: {
    read: anyOf(ownedByResident('resident'), staffOfOrganization(['org-manager', 'reviewer'])),
    create: isResident,
    update: staffOfOrganization(['org-manager', 'reviewer']),
    delete: () => false,
  },
  // Decisions are guarded by reviewSubmission, so edit locks add nothing but a reviewer blocked
  // by a colleague who moved on. Payload's lock check also queries outside the request's
  // transaction, which starves the pool when more updates than connections arrive at once.
  lockDocuments: false,
  endpoints: [createSubmissionEndpoint, bulkReviewEndpoint, appealEndpoint],
  hooks: {
    beforeChange: [requireConsent, checkNewSubmission, captureSignals, awaitScore, guardReview],
    afterChange: [auditNewSubmission, queueScoring],
  },
  indexes: [{ fields: ['resident', 'clientId'], unique: true }],
  fields: [
    {
      name: 'task',
      type: 'relationship',
      relationTo: 'tasks',
      required: true,
      index: true,
      access: immutable,
    },
    {
      name: 'resident',
      type: 'relationship',
      relationTo: 'residents',
      required: true,
      index: true,
      access: immutable,
    },
    residentHandleField(),
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      access: immutable,
      admin: {
        readOnly: true,
        description: 'Copied from the task, so access checks stay one lookup.',
      },
    },
    {
      name: 'answers',
      type: 'json',
      access: immutable,
      // Under the task's question labels; JSON_VIEW while the form loads.
      admin: { components: { Field: '/admin/AnswersField#AnswersField' } },
    },
    {
      name: 'proof',
      type: 'upload',
      relationTo: 'proofs',
      access: immutable,
      admin: { description: 'The photo the resident sent.' },
    },
    { name: 'clientId', type: 'text', access: immutable, admin: { readOnly: true } },
    {
      // Plain numbers, not a PostGIS point: no extension needed on managed or embedded Postgres.
      name: 'location',
      type: 'group',
      access: immutable,
      fields: [
        { name: 'lat', type: 'number', min: -90, max: 90 },
        { name: 'lng', type: 'number', min: -180, max: 180 },
        { name: 'accuracy', type: 'number', min: 0, admin: { description: 'metres' } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'needs_review',
      index: true,
      options: statusOptions(SUBMISSION_STATUS_LABELS, [...SUBMISSION_STATUSES]),
      access: { create: isStaffField, update: isStaffField },
    },
    { name: 'score', type: 'number', access: { create: isStaffField, update: () => false } },
    {
      name: 'reasons',
      type: 'json',
      access: { create: isStaffField, update: () => false },
      admin: { components: { Field: JSON_VIEW } },
    },
    {
      name: 'reviewer',
      type: 'relationship',
      relationTo: 'users',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
    {
      name: 'reviewedAt',
      type: 'date',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
    {
      name: 'reviewNote',
      type: 'textarea',
      access: { create: isStaffField, update: isStaffField },
      admin: { description: 'Required to reject: the resident reads it.' },
    },
    {
      // The offer when the resident submitted: editing the task later changes nothing paid.
      name: 'rewardKind',
      type: 'select',
      options: REWARD_KINDS,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
    {
      name: 'rewardAmount',
      type: 'number',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, description: 'PHP, as offered when submitted' },
    },
    {
      name: 'appealMessage',
      type: 'textarea',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, description: 'The resident’s appeal of a rejection (one allowed)' },
    },
    {
      name: 'appealedAt',
      type: 'date',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
    ...submissionScoringFields,
  ],
}
