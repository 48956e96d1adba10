import type { CollectionAfterReadHook } from 'payload'

import { isAdminUser } from '../../../src/access/roles'
import { unseal } from '../../../src/lib/seal'
import { smsOutboxMinutes } from '../operations/queueSms'

/**
 * With the `console` provider nothing leaves the machine, so a developer reads the message here:
 * to admins (and the server's own code) only, and only while it is younger than
 * SMS_OUTBOX_MINUTES. With a real provider `body` always stays masked.
 */
export const revealForConsole: CollectionAfterReadHook = ({ context, doc, req }) => {
  const sealed = doc.sealedBody as string | undefined
  if (context?.keepSealedBody && req.payloadAPI === 'local' && !req.user) return doc
  delete doc.sealedBody
  if (!sealed || (process.env.SMS_PROVIDER || 'console') !== 'console') return doc
  const trusted = isAdminUser(req.user) || (req.payloadAPI === 'local' && !req.user)
  if (!trusted) return doc
  const age = Date.now() - new Date(doc.createdAt).getTime()
  if (age > smsOutboxMinutes() * 60_000) return doc
  const text = unseal(req.payload.secret, 'sms-outbox', sealed)
  if (text) doc.body = text
  return doc
}
