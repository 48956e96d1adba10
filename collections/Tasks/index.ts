import type { Access, CollectionConfig } from 'payload'

import { asStaff, hasRole, isAdminUser, organizationIds } from '../../src/access/roles'
import { staffOfOrganization } from '../../src/access/rules'
import { rewardFields } from '../../src/fields/reward'
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

/** A civic task residents can do for a reward, authored by an LGU or brand. */
export const Tasks: CollectionConfig = {
  slug: 'tasks',
  admin: {
    group: 'Civic work',
    useAsTitle: 'title',
    defaultColumns: ['title', 'organization', 'status', 'reward.amount', 'endsAt'],
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
    { name: 'sponsors', type: 'relationship', relationTo: 'organizations', hasMany: true },
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: ['draft', 'published', 'closed'].map((value) => ({ label: value, value })),
    },
    {
      name: 'targets',
      type: 'relationship',
      relationTo: 'places',
      hasMany: true,
      admin: { description: 'Barangays, cities, provinces or regions. Empty means nationwide.' },
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
      fields: [
        { name: 'perResident', type: 'number', min: 1, defaultValue: 1 },
        { name: 'total', type: 'number', min: 1 },
      ],
    },
    { name: 'budget', type: 'number', min: 0, admin: { description: 'PHP; empty means no limit' } },
    { name: 'startsAt', type: 'date' },
    { name: 'endsAt', type: 'date' },
  ],
}
