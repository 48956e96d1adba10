import { InviteButton as InviteButton_7ebfbde7a2b2ff66be010a438cc2eca7 } from '../../../admin/team/InviteButton'
import { InviteStaff as InviteStaff_c05507b353bedaea38890d1a210e7c8c } from '../../../admin/team/InviteStaff'
import { TaskStatusCell as TaskStatusCell_f5376da50d75504dc26ccd034aa4b685 } from '../../../admin/cells/TaskStatusCell'
import { TargetsCell as TargetsCell_b5bc2c872b2ee6422650c07dd703625a } from '../../../admin/cells/TargetsCell'
import { TargetsCoverage as TargetsCoverage_26312743573e65ff2346ca87119350c5 } from '../../../admin/fields/TargetsCoverage'
import { RewardCell as RewardCell_bdda76b3bb94c87e99260282e1ef996f } from '../../../admin/cells/RewardCell'
import { Nothing as Nothing_d3a00418293b7bf12b523bd81f67a35e } from '../../../admin/fields/Nothing'
import { UsageCell as UsageCell_64423d6a23af4bd66ae543619cb50c2d } from '../../../admin/cells/UsageCell'
import { ScoringFigures as ScoringFigures_735a80cf61351ac1b2b994fe6d009065 } from '../../../admin/ScoringFigures'
import { HidePasswordControls as HidePasswordControls_9a45b7c237ce2af8f53c9c2a8eefb0c4 } from '../../../admin/fields/HidePasswordControls'
import { AnswersField as AnswersField_4a0c86e05e842a8b495fec1e7d58c4d1 } from '../../../admin/AnswersField'
import { JsonViewField as JsonViewField_108887996877f7421496fb3c4021954b } from '../../../admin/JsonView'
import { RetryPayout as RetryPayout_139b0352a432728c9d31e90b2e0b9dd9 } from '../../../admin/rewards/RetryPayout'
import { PoolStock as PoolStock_22e79b6aebdd3fc468da5cc170cc441f } from '../../../admin/vouchers/PoolStock'
import { StockCell as StockCell_d6c29f8a83fd2de839006c83c79e0e2e } from '../../../admin/cells/StockCell'
import { QueryPresetsAccessCell as QueryPresetsAccessCell_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsWhereCell as QueryPresetsWhereCell_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsWhereField as QueryPresetsWhereField_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsColumnsCell as QueryPresetsColumnsCell_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsColumnField as QueryPresetsColumnField_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsGroupByCell as QueryPresetsGroupByCell_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsGroupByField as QueryPresetsGroupByField_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { Icon as Icon_07eaf1d5745ea58d191ef5762e282db9 } from '../../../admin/brand/Icon'
import { Logo as Logo_e2609525d3cb4faff6e05c9e8878dd7a } from '../../../admin/brand/Logo'
import { ReviewNavLink as ReviewNavLink_9a7ba229920cd7b949aa5e9aae9fcbbc } from '../../../admin/review/ReviewLinks'
import { ReviewDashboardCard as ReviewDashboardCard_9a7ba229920cd7b949aa5e9aae9fcbbc } from '../../../admin/review/ReviewLinks'
import { WhatNeedsMe as WhatNeedsMe_d48646217f7331a3a05ac507e8e64243 } from '../../../admin/dashboard/WhatNeedsMe'
import { NavBrand as NavBrand_f6b55a1e55e89cfe5e3047e413b1f00f } from '../../../admin/brand/NavBrand'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { ReviewView as ReviewView_f7dfdaab1ebe2676d1592820d98a0bae } from '../../../admin/review/ReviewView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin/team/InviteButton#InviteButton": InviteButton_7ebfbde7a2b2ff66be010a438cc2eca7,
  "/admin/team/InviteStaff#InviteStaff": InviteStaff_c05507b353bedaea38890d1a210e7c8c,
  "/admin/cells/TaskStatusCell#TaskStatusCell": TaskStatusCell_f5376da50d75504dc26ccd034aa4b685,
  "/admin/cells/TargetsCell#TargetsCell": TargetsCell_b5bc2c872b2ee6422650c07dd703625a,
  "/admin/fields/TargetsCoverage#TargetsCoverage": TargetsCoverage_26312743573e65ff2346ca87119350c5,
  "/admin/cells/RewardCell#RewardCell": RewardCell_bdda76b3bb94c87e99260282e1ef996f,
  "/admin/fields/Nothing#Nothing": Nothing_d3a00418293b7bf12b523bd81f67a35e,
  "/admin/cells/UsageCell#UsageCell": UsageCell_64423d6a23af4bd66ae543619cb50c2d,
  "/admin/ScoringFigures#ScoringFigures": ScoringFigures_735a80cf61351ac1b2b994fe6d009065,
  "/admin/fields/HidePasswordControls#HidePasswordControls": HidePasswordControls_9a45b7c237ce2af8f53c9c2a8eefb0c4,
  "/admin/AnswersField#AnswersField": AnswersField_4a0c86e05e842a8b495fec1e7d58c4d1,
  "/admin/JsonView#JsonViewField": JsonViewField_108887996877f7421496fb3c4021954b,
  "/admin/rewards/RetryPayout#RetryPayout": RetryPayout_139b0352a432728c9d31e90b2e0b9dd9,
  "/admin/vouchers/PoolStock#PoolStock": PoolStock_22e79b6aebdd3fc468da5cc170cc441f,
  "/admin/cells/StockCell#StockCell": StockCell_d6c29f8a83fd2de839006c83c79e0e2e,
  "@payloadcms/next/client#QueryPresetsAccessCell": QueryPresetsAccessCell_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsWhereCell": QueryPresetsWhereCell_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsWhereField": QueryPresetsWhereField_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsColumnsCell": QueryPresetsColumnsCell_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsColumnField": QueryPresetsColumnField_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsGroupByCell": QueryPresetsGroupByCell_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsGroupByField": QueryPresetsGroupByField_2b8867833a34864a02ddf429b0728a40,
  "/admin/brand/Icon#Icon": Icon_07eaf1d5745ea58d191ef5762e282db9,
  "/admin/brand/Logo#Logo": Logo_e2609525d3cb4faff6e05c9e8878dd7a,
  "/admin/review/ReviewLinks#ReviewNavLink": ReviewNavLink_9a7ba229920cd7b949aa5e9aae9fcbbc,
  "/admin/review/ReviewLinks#ReviewDashboardCard": ReviewDashboardCard_9a7ba229920cd7b949aa5e9aae9fcbbc,
  "/admin/dashboard/WhatNeedsMe#WhatNeedsMe": WhatNeedsMe_d48646217f7331a3a05ac507e8e64243,
  "/admin/brand/NavBrand#NavBrand": NavBrand_f6b55a1e55e89cfe5e3047e413b1f00f,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/admin/review/ReviewView#ReviewView": ReviewView_f7dfdaab1ebe2676d1592820d98a0bae,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
