/**
 * Advisory lock keys for submissions. Always take the resident's before the task's, so two
 * requests never wait on each other in opposite orders.
 */
export const residentLockKey = (residentId: number) => `submissions:resident:${residentId}`

/** Held while a submission is counted against the task's total cap and budget. */
export const taskLockKey = (taskId: number) => `submissions:task:${taskId}`
