/**
 * Who may retry a failed payout: admins, and managers of the reward's organisation (the
 * organisation is checked when the reward is read). Kept free of server imports, so the admin's
 * "Retry payout" button shows itself to exactly the staff the endpoint accepts.
 */
export const RETRY_ROLES = ['admin', 'org-manager'] as const

/** True when a staff member with `roles` may retry payouts. */
export const mayRetryPayouts = (roles: readonly string[] | null | undefined) =>
  Boolean(roles?.some((role) => (RETRY_ROLES as readonly string[]).includes(role)))
