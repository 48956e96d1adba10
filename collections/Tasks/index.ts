import { validations, type Access, type CollectionConfig, type Field } from 'payload'

import { asStaff, hasRole, isAdminUser, organizationIds } from '../../src/access/roles'
import { isStaffField, staffOfOrganization } from '../../src/access/rules'
import { manilaDate } from '../../src/fields/manilaDate'
import { rewardFields } from '../../src/fields/reward'
import { statusOptions, TASK_STATUS_LABELS } from '../../src/lib/statusLabels'
import { targetsInArea } from './fields/targetsInArea'
import { taskScoringFields } from './fields/scoring'
import { auditTaskStatus } from './hooks/auditTaskStatus'
import { checkTargetsInScope } from './hooks/checkTargetsInScope'
import { guardOrganization } from './hooks/guardOrganization'
import { markNationwide } from './hooks/markNationwide'

/** Kinds of question a task's form can ask. */
export const TASK_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'select',
  'checkbox',
  'date',
] as const

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
  hooks: {
    beforeChange: [guardOrganization, checkTargetsInScope, markNationwide],
    afterChange: [auditTaskStatus],
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
    },
    {
      name: 'sponsors',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      access: { read: isStaffField },
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
    {
      name: 'fields',
      type: 'array',
      labels: { singular: 'Question', plural: 'Form' },
      fields: [
        {
          name: 'name',
          type: 'text',
          required: true,
          validate: (value: unknown) =>
            typeof value === 'string' && /^[a-z][a-zA-Z0-9_]{0,63}$/.test(value)
              ? true
              : 'Use letters, digits and _ only, starting with a lowercase letter',
        },
        { name: 'label', type: 'text', required: true },
        {
          name: 'type',
          type: 'select',
          required: true,
          defaultValue: 'text',
          options: TASK_FIELD_TYPES.map((value) => ({ label: value, value })),
        },
        { name: 'required', type: 'checkbox', defaultValue: false },
        {
          name: 'options',
          type: 'text',
          hasMany: true,
          admin: { description: 'For select questions' },
        },
      ],
    },
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
      admin: { description: 'PHP; empty means no limit' },
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
