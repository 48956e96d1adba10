import type { Field } from 'payload'

import { isStaffField } from '../../../src/access/rules'

const bothOrNeither = (value: unknown, siblingData: Record<string, unknown>) => {
  const given = ['lat', 'lng', 'radiusM'].filter(
    (k) => siblingData[k] != null && siblingData[k] !== '',
  )
  return given.length === 0 || given.length === 3
    ? true
    : 'Give the area a latitude, a longitude and a radius — or leave all three empty.'
}

/**
 * Where a task must be done (optional), and the thresholds its submissions' fraud scores are
 * routed by. Residents see the area (it tells them where to go), never the thresholds.
 */
export const taskScoringFields: Field[] = [
  {
    name: 'area',
    type: 'group',
    admin: {
      description:
        'Optional: submissions whose location is farther than the radius from this point are flagged.',
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'lat',
            type: 'number',
            min: -90,
            max: 90,
            validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
              bothOrNeither(v, siblingData),
          },
          { name: 'lng', type: 'number', min: -180, max: 180 },
          { name: 'radiusM', label: 'Radius (m)', type: 'number', min: 10, max: 200_000 },
        ],
      },
    ],
  },
  {
    name: 'scoring',
    type: 'group',
    access: { read: isStaffField },
    admin: {
      description:
        'Fraud score thresholds (0–100). Below "approve below": approved automatically. Above "reject above": rejected automatically; leave it empty to never reject without a person. Between: a reviewer decides.',
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'approveBelow',
            type: 'number',
            min: 0,
            max: 101,
            admin: {
              description: 'Empty or 0: every submission goes to a reviewer (20 is a good start).',
            },
          },
          {
            name: 'rejectAbove',
            type: 'number',
            min: 0,
            max: 100,
            admin: { description: 'Empty: never reject automatically.' },
            validate: (
              value: unknown,
              { siblingData }: { siblingData: Record<string, unknown> },
            ) => {
              const below = siblingData.approveBelow
              return value == null || typeof below !== 'number' || (value as number) >= below
                ? true
                : '"Reject above" must be at least "approve below".'
            },
          },
        ],
      },
    ],
  },
  {
    // Figures for whoever sets the thresholds above (staff only; nothing stored).
    name: 'scoringFigures',
    type: 'ui',
    admin: { components: { Field: '/admin/ScoringFigures#ScoringFigures' } },
  },
]
