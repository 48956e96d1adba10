import React from 'react'

/** A pool's remaining codes in the list, in red with "low" when below its low-water mark. */
export const StockCell = ({ rowData }: { rowData: Record<string, any> }) => {
  const remaining = Number(rowData.remaining ?? 0)
  if (!rowData.low) return <span>{remaining.toLocaleString('en-PH')}</span>
  return (
    <span style={{ color: '#a4161a', fontWeight: 600 }} data-testid="pool-low">
      {remaining.toLocaleString('en-PH')} · low
    </span>
  )
}

export default StockCell
