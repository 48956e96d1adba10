/** What a resident can consent to, each separately and each off until given. */
export const CONSENT_PURPOSES = [
  'terms',
  'data-processing',
  'location',
  'photos',
  'sms-updates',
  'marketing',
] as const

export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]

/** Purposes without which Bayanet cannot take a submission at all. */
export const REQUIRED_PURPOSES: readonly ConsentPurpose[] = ['terms', 'data-processing']

/** How each purpose is named to a resident, in errors and in the app. */
export const PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  terms: 'the terms of use',
  'data-processing': 'the processing of your personal data',
  location: 'storing your location with submissions',
  photos: 'photos you take for tasks',
  'sms-updates': 'SMS updates about your submissions and rewards',
  marketing: 'offers from sponsors',
}

export const isConsentPurpose = (value: unknown): value is ConsentPurpose =>
  typeof value === 'string' && (CONSENT_PURPOSES as readonly string[]).includes(value)
