/** A Philippine mobile number in E.164 form, e.g. +639171234567. */
export type PhMobile = `+639${string}`

/**
 * Normalises the ways residents type a Philippine mobile number (0917…, 917…, 63917…, +63 917…)
 * to E.164, or returns undefined when it is not one.
 */
export const normalizePhMobile = (input: unknown): PhMobile | undefined => {
  if (typeof input !== 'string') return undefined
  const digits = input.replace(/[\s\-().]/g, '')
  const match = /^(?:\+?63|0)?(9\d{9})$/.exec(digits)
  return match ? (`+63${match[1]}` as PhMobile) : undefined
}

/** What people are told when a number is not a Philippine mobile number. */
export const PHONE_HINT =
  'Enter a Philippine mobile number, like 0917 123 4567 or +63 917 123 4567.'

/** A phone number safe for logs: country code, network prefix and last two digits only. */
export const maskPhone = (phone: string) =>
  phone.length > 7 ? `${phone.slice(0, 6)}*****${phone.slice(-2)}` : '***'
