/** Turns what a resident types (0917…, 917…, +63 917…) into E.164, or undefined. */
export const toE164 = (raw: string) => {
  const digits = raw.replace(/[^\d+]/g, '')
  const m = /^(?:\+?63|0)?(9\d{9})$/.exec(digits)
  return m ? `+63${m[1]}` : undefined
}

/** How a number is shown back: +63 917 123 4567. */
export const prettyPhone = (e164: string) =>
  e164.replace(/^\+63(\d{3})(\d{3})(\d{4})$/, '+63 $1 $2 $3')
