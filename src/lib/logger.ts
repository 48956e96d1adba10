/** The host's own log lines, before and beside Payload's logger. */
export const log = (message: string, extra?: unknown) => {
  const line = `[bayanet] ${new Date().toISOString()} ${message}`
  if (extra === undefined) console.log(line)
  else console.log(line, extra instanceof Error ? extra.message : extra)
}
