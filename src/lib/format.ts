/** Pesos the way staff write them: "₱50", "₱1,250.50". */
export const peso = (amount: number | null | undefined) =>
  amount == null
    ? '—'
    : `₱${amount.toLocaleString('en-PH', { minimumFractionDigits: Number.isInteger(amount) ? 0 : 2, maximumFractionDigits: 2 })}`

/** "₱50 GCash", "₱100 voucher". */
export const rewardText = (reward?: { kind?: string | null; amount?: number | null } | null) =>
  reward?.amount == null
    ? '—'
    : `${peso(reward.amount)} ${reward.kind === 'voucher' ? 'voucher' : 'GCash'}`

/** A date and time in Manila, as staff read it: "27 Nov 2026, 8:00 AM". */
export const manilaTime = (value: string | Date | null | undefined) =>
  value
    ? new Date(value).toLocaleString('en-PH', {
        timeZone: 'Asia/Manila',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      })
    : '—'
