import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { unconfiguredEmail } from './unconfigured'

/**
 * Staff email (invitations, password resets): SMTP through nodemailer when `SMTP_URL` is set
 * (`smtp://user:pass@host:587`, `smtps://…`), otherwise nothing is sent and the admin shows
 * the invite link to copy. Never Nodemailer's default, which calls a public test service.
 */
export const staffEmail = (): EmailAdapter | Promise<EmailAdapter> => {
  const url = process.env.SMTP_URL
  if (!url) return unconfiguredEmail
  return nodemailerAdapter({
    defaultFromAddress: process.env.SMTP_FROM || 'no-reply@bayanet.local',
    defaultFromName: 'Bayanet',
    transport: nodemailer.createTransport(url),
    // A mail server that is down must not stop the admin from starting.
    skipVerify: true,
  })
}

/** True when invitations and resets go out by email. */
export const emailConfigured = () => Boolean(process.env.SMTP_URL)
