import type { CollectionConfig } from 'payload'

import { staffOfOrganization } from '../../src/access/rules'
import { importCodesAfterChange, takeImportCsv } from './hooks/importCsv'
import { poolStock } from './hooks/poolStock'

/**
 * A brand's pool of voucher codes. Staff paste (or upload the text of) a CSV of codes in the
 * admin; the codes go to `voucher-codes`, and each is assigned to one reward at most. The pool
 * shows how many codes remain and warns below its low-water mark.
 */
export const VoucherPools: CollectionConfig = {
  slug: 'voucher-pools',
  admin: {
    group: 'Payouts',
    useAsTitle: 'name',
    defaultColumns: ['name', 'organization', 'remaining'],
  },
  access: {
    read: staffOfOrganization(['org-manager', 'reviewer']),
    create: staffOfOrganization(['org-manager']),
    update: staffOfOrganization(['org-manager']),
    delete: () => false,
  },
  hooks: {
    beforeChange: [takeImportCsv],
    afterChange: [importCodesAfterChange],
    afterRead: [poolStock],
  },
  fields: [
    {
      // Codes left, the low-stock warning and the rewards waiting for codes.
      name: 'stock',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/admin/vouchers/PoolStock#PoolStock' },
        disableListColumn: true,
      },
    },
    { name: 'name', type: 'text', required: true },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
    },
    {
      name: 'lowWatermark',
      label: 'Low-water mark',
      type: 'number',
      min: 0,
      defaultValue: 20,
      admin: { description: 'Warn staff when fewer codes than this remain.' },
    },
    {
      name: 'importCsv',
      label: 'Import codes',
      type: 'textarea',
      virtual: true,
      admin: {
        description:
          'Paste a CSV of codes (one per line, or a "code" column) and save: new codes are added, duplicates skipped.',
      },
    },
    {
      name: 'remaining',
      type: 'number',
      virtual: true,
      admin: {
        readOnly: true,
        description: 'Codes not yet given to a reward.',
        components: { Cell: '/admin/cells/StockCell#StockCell' },
      },
    },
    {
      name: 'low',
      type: 'checkbox',
      virtual: true,
      admin: { readOnly: true, description: 'Fewer codes remain than the low-water mark.' },
    },
    {
      name: 'lastImport',
      type: 'text',
      admin: { readOnly: true, description: 'What the last import added and skipped.' },
    },
  ],
}
