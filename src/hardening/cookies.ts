/**
 * Session cookie flags for every auth collection: HttpOnly (Payload's default), SameSite=Lax, and
 * Secure whenever the public URL is https (behind a TLS proxy the host itself sees http).
 */
export const sessionCookies = {
  sameSite: 'Lax' as const,
  secure: (process.env.PUBLIC_URL ?? '').startsWith('https://'),
}
