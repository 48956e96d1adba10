import type { GlobalConfig } from 'payload'

import { anyone, isAdmin } from '../../src/access/rules'
import { DEFAULT_NOTICE_EN, DEFAULT_NOTICE_FIL } from './defaultNotice'

/** The version residents consent under until an admin saves the notice for the first time. */
export const FIRST_NOTICE_VERSION = '1'

/**
 * The privacy notice residents read before consenting. Saving a new `version` makes every
 * resident consent to the terms and to data processing again before their next submission.
 */
export const PrivacyNotice: GlobalConfig = {
  slug: 'privacy-notice',
  label: 'Privacy notice',
  admin: { group: 'Records' },
  access: { read: anyone, update: isAdmin },
  hooks: {
    // Until an LGU writes its own, residents read the notice shipped with Bayanet.
    afterRead: [
      ({ doc }) => ({
        ...doc,
        bodyEn: doc.bodyEn || DEFAULT_NOTICE_EN,
        bodyFil: doc.bodyFil || DEFAULT_NOTICE_FIL,
      }),
    ],
  },
  fields: [
    {
      name: 'version',
      type: 'text',
      required: true,
      defaultValue: FIRST_NOTICE_VERSION,
      admin: {
        description:
          'Change this when the notice changes in substance: residents are asked to consent again before their next submission.',
      },
    },
    { name: 'effectiveAt', type: 'date' },
    {
      name: 'controller',
      type: 'text',
      admin: { description: 'The personal information controller, e.g. the LGU.' },
    },
    {
      name: 'dpoContact',
      type: 'text',
      admin: { description: 'How residents reach the data protection officer.' },
    },
    {
      name: 'bodyEn',
      label: 'Notice (English)',
      type: 'textarea',
      admin: { description: 'Empty: Bayanet’s own notice is shown.' },
    },
    {
      name: 'bodyFil',
      label: 'Notice (Filipino)',
      type: 'textarea',
      admin: { description: 'Empty: Bayanet’s own notice is shown.' },
    },
  ],
}
