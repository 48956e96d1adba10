import type { EmailAdapter } from 'payload'

/**
 * Staff email (password resets) until an email provider is configured: says that a message
 * was not sent, and never prints it, since a reset link is as good as a password.
 */
export const unconfiguredEmail: EmailAdapter = ({ payload }) => ({
  name: 'unconfigured',
  defaultFromAddress: 'no-reply@bayanet.local',
  defaultFromName: 'Bayanet',
  async sendEmail(message) {
    payload.logger.warn({
      msg: 'email not sent: no email provider is configured',
      subject: message.subject,
    })
    return undefined
  },
})
