import { validations, type Access, type CollectionConfig, type Field } from 'payload'

import { asStaff, hasRole, isAdminUser, organizationIds } from '../../src/access/roles'
import { isStaffField, staffOfOrganization } from '../../src/access/rules'
import { manilaDate } from '../../src/fields/manilaDate'
import { rewardFields } from '../../src/fields/reward'
import { statusOptions, TASK_STATUS_LABELS } from '../../src/lib/statusLabels'
import { targetsInArea } from './fields/targetsInArea'
import { scoringFiguresEndpoint } from './endpoints/scoringFigures'
import { taskScoringFields } from './fields/scoring'
import { toCentavos, toPhp, validatePhp } from '../../src/lib/money'
import { refuseDeleteWithSubmissions } from './hooks/refuseDeleteWithSubmissions'
import { refreshCapacityOnEdit } from './hooks/refreshCapacityOnEdit'
import { normalizeQuestions, QUESTION_TYPES, questionsField } from './fields/questions'
import { auditTaskStatus } from './hooks/auditTaskStatus'
import { checkTargetsInScope } from './hooks/checkTargetsInScope'
import { guardOrganization } from './hooks/guardOrganization'
import { markNationwide } from './hooks/markNationwide'
import { inviteTaskSponsors, sponsorsByConsent } from './hooks/sponsorsByConsent'

/** The largest budget a task may have, in PHP. */
const BUDGET_MAX_PHP = 100_000_000

/** Kinds of question a task's form can ask (see fields/questions.ts). */
export const TASK_FIELD_TYPES = QUESTION_TYPES.map(({ value }) => value)

/** Residents and the public see published tasks; staff see only their own organisation's. */
const readTasks: Access = (args) => {
  if (asStaff(args.req.user)) return staffOfOrganization(['org-manager', 'reviewer'])(args)
  return { status: { equals: 'published' } }
}

/** Managers may create tasks only for their own organisations. */
const canCreateTask: Access = ({ req: { user }, data }) => {
  if (isAdminUser(user)) return true
  if (!hasRole(user, ['org-manager'])) return false
  return !data?.organization || organizationIds(user).includes(Number(data.organization))
}

/** A list-only column computed from the row (no stored value, nothing in the form). */
const listColumn = (name: string, label: string, Cell: string): Field => ({
  name,
  label,
  type: 'ui',
  admin: { components: { Cell, Field: '/admin/fields/Nothing#Nothing' } },
})

/** A civic task residents can do for a reward, authored by an LGU or brand. */
export const Tasks: CollectionConfig = {
  slug: 'tasks',
  admin: {
    group: 'Civic work',
    useAsTitle: 'title',
    defaultColumns: [
      'title',
      'status',
      'rewardColumn',
      'targets',
      'submissionsColumn',
      'spendColumn',
      'startsAt',
      'endsAt',
    ],
    listSearchableFields: ['title'],
    pagination: { defaultLimit: 25, limits: [25, 50, 100] },
    description: 'Times are Manila time. A published task is live between its start and end.',
  },
  access: {
    read: readTasks,
    create: canCreateTask,
    update: staffOfOrganization(['org-manager']),
    delete: staffOfOrganization(['org-manager']),
  },
  endpoints: [scoringFiguresEndpoint],
  hooks: {
    beforeValidate: [
      ({ data, originalDoc }) => (
        data && normalizeQuestions(data.fields, originalDoc?.fields),
        data
      ),
    ],
    beforeChange: [guardOrganization, checkTargetsInScope, markNationwide, sponsorsByConsent],
    afterChange: [auditTaskStatus, refreshCapacityOnEdit, inviteTaskSponsors],
    beforeDelete: [refuseDeleteWithSubmissions],
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      // A manager of one organisation never has to pick it.
      defaultValue: ({ user }: { user?: unknown }) => {
        const own = organizationIds(user as Parameters<typeof organizationIds>[0])
        return own.length === 1 ? own[0] : undefined
      },
      admin: { description: 'The organisation that runs the task and pays its rewards.' },
    },
    {
      name: 'sponsors',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      access: { read: isStaffField },
      admin: {
        description:
          'Organisations paying towards or backing this task. Another organisation is invited and appears here once a manager there accepts. Rewards are paid by the task’s own organisation.',
      },
    },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'campaigns',
      access: { read: isStaffField },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: statusOptions(TASK_STATUS_LABELS),
      admin: {
        position: 'sidebar',
        components: { Cell: '/admin/cells/TaskStatusCell#TaskStatusCell' },
      },
    },
    {
      name: 'targets',
      type: 'relationship',
      relationTo: 'places',
      hasMany: true,
      filterOptions: targetsInArea,
      // checkTargetsInScope names the places outside the area; the picker's filter would only
      // say "invalid selection".
      validate: (value, options) =>
        validations.relationship(value as never, { ...options, filterOptions: undefined }),
      access: { read: isStaffField },
      admin: {
        description:
          "Type a barangay, city, province or PSGC code. Your organisation's area is listed first.",
        components: {
          afterInput: ['/admin/fields/TargetsCoverage#TargetsCoverage'],
          Cell: '/admin/cells/TargetsCell#TargetsCell',
        },
      },
    },
    {
      name: 'nationwide',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { readOnly: true, description: 'Set automatically when there are no targets.' },
    },
    questionsField,
    {
      name: 'reward',
      type: 'group',
      fields: [
        ...rewardFields({ kindDefault: 'gcash' }),
        {
          name: 'voucherPool',
          type: 'relationship',
          relationTo: 'voucher-pools',
          admin: {
            condition: (_, sibling) => sibling?.kind === 'voucher',
            description: 'Voucher rewards take a code from this pool.',
          },
        },
      ],
    },
    {
      name: 'caps',
      type: 'group',
      access: { read: isStaffField },
      fields: [
        { name: 'perResident', type: 'number', min: 1, defaultValue: 1 },
        { name: 'total', type: 'number', min: 1 },
      ],
    },
    {
      name: 'budget',
      type: 'number',
      min: 0,
      access: { read: isStaffField },
      validate: validatePhp({ min: 0, max: BUDGET_MAX_PHP }),
      admin: { description: 'PHP; empty means no limit. Reserved when a submission is approved.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'budgetReserved',
          type: 'number',
          defaultValue: 0,
          access: { read: isStaffField, create: () => false, update: () => false },
          admin: { readOnly: true, description: 'PHP approved, not paid yet' },
        },
        {
          name: 'budgetSpent',
          type: 'number',
          defaultValue: 0,
          access: { read: isStaffField, create: () => false, update: () => false },
          admin: { readOnly: true, description: 'PHP paid' },
        },
        {
          name: 'budgetRemaining',
          type: 'number',
          virtual: true,
          access: { read: isStaffField },
          admin: { readOnly: true, description: 'PHP left to approve' },
          hooks: {
            afterRead: [
              ({ siblingData }) =>
                siblingData.budget == null
                  ? null
                  : toPhp(
                      toCentavos(siblingData.budget) -
                        toCentavos(siblingData.budgetReserved ?? 0) -
                        toCentavos(siblingData.budgetSpent ?? 0),
                    ),
            ],
          },
        },
      ],
    },
    {
      name: 'exhausted',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        description: 'No places or budget left: hidden from the feed. Set automatically.',
      },
    },
    manilaDate('startsAt', 'Manila time. Residents see the task from then; empty means at once.', {
      admin: { position: 'sidebar' },
    }),
    manilaDate(
      'endsAt',
      'Manila time. The task closes then; empty means when the budget or cap runs out.',
      {
        admin: { position: 'sidebar' },
      },
    ),
    listColumn('rewardColumn', 'Reward', '/admin/cells/RewardCell#RewardCell'),
    listColumn('submissionsColumn', 'Submissions', '/admin/cells/UsageCell#UsageCell'),
    listColumn('spendColumn', 'Spent / budget', '/admin/cells/UsageCell#UsageCell'),
    ...taskScoringFields,
  ],
}
