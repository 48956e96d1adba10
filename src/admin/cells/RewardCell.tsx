import React from 'react'

import { rewardText } from '../../lib/format'

/** "₱50 GCash". */
export const RewardCell = ({ rowData }: { rowData: Record<string, any> }) => (
  <span>{rewardText(rowData.reward)}</span>
)

export default RewardCell
