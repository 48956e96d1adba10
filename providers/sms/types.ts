/** A message to one phone. */
export type SmsMessage = { to: string; body: string }

/** What a provider says about a message it accepted. */
export type SmsReceipt = { providerRef: string }

/**
 * A provider's refusal. `retryable` failures (429, 5xx, timeouts) are tried again, after
 * `retryAfterSeconds` when the provider said so (Retry-After); others fail the message for good.
 */
export class SmsSendError extends Error {
  override name = 'SmsSendError'
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

/** Sends SMS. One adapter per provider; each takes its base URL from the environment. */
export interface SmsProvider {
  readonly name: string
  send(message: SmsMessage): Promise<SmsReceipt>
}
