import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/** A Philippine mobile number in E.164 form, e.g. +639171234567. */
export type PhMobile = `+63${string}`

/**
 * Normalises the ways residents type a Philippine mobile number (0917…, 917…, 63917…, +63 917…)
 * to E.164, or returns undefined when it is not one. libphonenumber's full metadata decides what
 * is a mobile range in the Philippines: SMS goes to nothing else (no landlines, no other country).
 */
export const normalizePhMobile = (input: unknown): PhMobile | undefined => {
  if (typeof input !== 'string' || input.length > 40) return undefined
  const digits = input.replace(/[\s\-().]/g, '')
  if (!/^\+?\d{9,13}$/.test(digits)) return undefined
  const parsed = parsePhoneNumberFromString(digits, 'PH')
  if (!parsed || parsed.country !== 'PH' || !parsed.isValid()) return undefined
  if (parsed.getType() !== 'MOBILE') return undefined
  return parsed.number as PhMobile
}

/** What people are told when a number is not a Philippine mobile number. */
export const PHONE_HINT =
  'Enter a Philippine mobile number, like 0917 123 4567 or +63 917 123 4567.'

/** A phone number safe for logs: country code, network prefix and last two digits only. */
export const maskPhone = (phone: string) =>
  phone.length > 7 ? `${phone.slice(0, 6)}*****${phone.slice(-2)}` : '***'

/**
 * The number's block of 10,000 (all but the last four digits), the SMS-pumping analogue of an
 * IP /24: pumpers walk consecutive numbers of a range.
 */
export const phonePrefix = (phone: string) => phone.slice(0, -4)
