/** Children's output: every line is kept (stamped), and error/warning lines are set aside. */
import fs from 'node:fs'

const logLines: string[] = []
const notable: string[] = []
/** Log lines worth a look: a message at error/warn level, or any failure or uncaught error. */
const NOTABLE =
  /^\s*(⨯\s*)?(\[[^\]]*\]\s*)*(error|warn|warning)\b|\b(uncaught|unhandled|failed|failure|deprecat)/i
const stripAnsi = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '')

/** Prints a message from the benchmark itself to stderr. */
export const note = (message: string) => console.error(`[bench] ${message}`)

/** Records one line a child printed, stamped with its label and ms since its spawn. */
export const captureLine = (label: string, sinceSpawnMs: number, line: string, echo: boolean) => {
  const stamped = `[${label} +${Math.round(sinceSpawnMs)}ms] ${line}`
  if (logLines.length < 200_000) logLines.push(stamped)
  if (NOTABLE.test(stripAnsi(line))) notable.push(stripAnsi(stamped))
  if (echo) console.error(stamped)
}

/** The last `n` lines a child printed, for an error message. */
export const tail = (label: string, n = 40) =>
  logLines
    .filter((line) => line.startsWith(`[${label} `))
    .slice(-n)
    .join('\n')

/** True if a child printed a line matching `pattern`. */
export const printed = (label: string, pattern: RegExp) =>
  logLines.some((line) => line.startsWith(`[${label} `) && pattern.test(line))

/** Writes every captured line to `file`. */
export const writeLog = (file: string) => {
  fs.writeFileSync(file, `${logLines.join('\n')}\n`)
  note(`children's output written to ${file}`)
}

/** Summarises the notable lines on stderr, grouped by message, if there were any. */
export const reportNotable = () => {
  if (!notable.length) return
  // Same message, which starts: "error: … (cold ×7, warm#1 ×6)".
  const byMessage = new Map<string, Map<string, number>>()
  for (const line of notable) {
    const [, label, message] = /^\[(\S+) \+\d+ms\] (.*)$/.exec(line) ?? ['', '?', line]
    const key = message
      .replace(/\d{2}:\d{2}:\d{2}/g, 'hh:mm:ss')
      .trim()
      .slice(0, 200)
    const labels = byMessage.get(key) ?? new Map<string, number>()
    labels.set(label, (labels.get(label) ?? 0) + 1)
    byMessage.set(key, labels)
  }
  note(`host output worth a look (${notable.length} lines; --log FILE keeps all of it):`)
  for (const [message, labels] of [...byMessage].slice(0, 10)) {
    const where = [...labels].map(([label, n]) => `${label} ×${n}`).join(', ')
    console.error(`  ${message}  (${where})`)
  }
}
