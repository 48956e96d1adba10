/** Languages residents can choose; SMS go out in theirs. */
export type SmsLanguage = 'en' | 'fil'

/** Every SMS Bayanet sends, by template, in English and Filipino. */
const TEMPLATES = {
  'otp.sign-in': {
    en: ({ code }: { code: string }) =>
      `Bayanet: your sign-in code is ${code}. It expires in 5 minutes. Never share it, not even with Bayanet staff.`,
    fil: ({ code }: { code: string }) =>
      `Bayanet: ${code} ang iyong sign-in code. Mag-e-expire ito sa loob ng 5 minuto. Huwag itong ibigay kaninuman, kahit sa Bayanet.`,
  },
  'otp.payout-account': {
    en: ({ code }: { code: string }) =>
      `Bayanet: ${code} confirms this number as your GCash payout account. It expires in 5 minutes. If you did not ask for this, ignore this SMS.`,
    fil: ({ code }: { code: string }) =>
      `Bayanet: ${code} ang code para gawing GCash payout account ang numerong ito. Mag-e-expire ito sa loob ng 5 minuto. Kung hindi ikaw ang humiling, huwag pansinin.`,
  },
} as const

/** A template's name. */
export type SmsTemplate = keyof typeof TEMPLATES

/** The text of `template` in `language` (Filipino when unknown). */
export const renderSms = (
  template: SmsTemplate,
  language: string | null | undefined,
  params: { code: string },
) => {
  const lang: SmsLanguage = language === 'en' ? 'en' : 'fil'
  return TEMPLATES[template][lang](params)
}
