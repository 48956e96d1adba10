/** A message to one phone. */
export type SmsMessage = { to: string; body: string }

/** What a provider says about a message it accepted. */
export type SmsReceipt = { providerRef: string }

/** Sends SMS. One adapter per provider; each takes its base URL from the environment. */
export interface SmsProvider {
  readonly name: string
  send(message: SmsMessage): Promise<SmsReceipt>
}
