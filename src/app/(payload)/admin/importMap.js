import { JsonViewField as JsonViewField_108887996877f7421496fb3c4021954b } from '../../../admin/JsonView'
import { ReviewNavLink as ReviewNavLink_9a7ba229920cd7b949aa5e9aae9fcbbc } from '../../../admin/review/ReviewLinks'
import { ReviewDashboardCard as ReviewDashboardCard_9a7ba229920cd7b949aa5e9aae9fcbbc } from '../../../admin/review/ReviewLinks'
import { ReviewView as ReviewView_f7dfdaab1ebe2676d1592820d98a0bae } from '../../../admin/review/ReviewView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin/JsonView#JsonViewField": JsonViewField_108887996877f7421496fb3c4021954b,
  "/admin/review/ReviewLinks#ReviewNavLink": ReviewNavLink_9a7ba229920cd7b949aa5e9aae9fcbbc,
  "/admin/review/ReviewLinks#ReviewDashboardCard": ReviewDashboardCard_9a7ba229920cd7b949aa5e9aae9fcbbc,
  "/admin/review/ReviewView#ReviewView": ReviewView_f7dfdaab1ebe2676d1592820d98a0bae,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
