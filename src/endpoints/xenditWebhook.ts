import type { Endpoint } from 'payload'

import { receivePayoutWebhook } from '../../collections/Rewards/operations/receiveWebhook'
import { xenditFromEnv } from '../../providers/payouts'
import { WebhookRejected } from '../../providers/payouts/types'

const error = (message: string, status: number) =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * `POST /api/webhooks/xendit`: Xendit's payout callbacks. The `x-callback-token` is checked in
 * constant time; the body then only moves the reward forward (replays, duplicates and
 * reordering are harmless). Answers 200 quickly so Xendit does not retry what we have.
 */
export const xenditWebhookEndpoint: Endpoint = {
  path: '/webhooks/xendit',
  method: 'post',
  handler: async (req) => {
    // The callback token is all a web process needs to receive webhooks.
    if (!process.env.XENDIT_CALLBACK_TOKEN) {
      return error('Xendit webhooks are not configured here.', 404)
    }
    const provider = xenditFromEnv()
    const raw = req.text ? await req.text() : ''
    let hook
    try {
      hook = provider.parseWebhook!(req.headers, raw)
    } catch (err) {
      if (!(err instanceof WebhookRejected)) throw err
      req.payload.logger.warn({ msg: 'xendit webhook refused', reason: err.message })
      return error(err.message, err.status)
    }
    const outcome = await receivePayoutWebhook(req.payload, 'xendit', hook)
    if (outcome.result === 'mismatch') {
      req.payload.logger.warn({ msg: 'xendit webhook does not match its reward', ...outcome })
      return error(`This webhook's ${outcome.reason} does not match the payout we sent.`, 400)
    }
    return Response.json({ ok: true, ...outcome })
  },
}
