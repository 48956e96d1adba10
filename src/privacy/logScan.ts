/** Something in a log that must never be there. */
export type LogFinding = { kind: 'phone' | 'jwt' | 'code'; line: number; excerpt: string }

const PATTERNS: { kind: LogFinding['kind']; pattern: RegExp }[] = [
  // A full Philippine mobile number: +639…, 639… or 09… followed by nine digits.
  { kind: 'phone', pattern: /(?<!\d)(?:\+?63|0)9\d{9}(?!\d)/g },
  { kind: 'jwt', pattern: /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/g },
  // Six digits close after the word "code" (a one-time code, however it is quoted).
  { kind: 'code', pattern: /code[^\d\n]{0,24}(?<!\d)\d{6}(?!\d)/gi },
]

/** Masks all but the shape of what was found, so the report itself leaks nothing. */
const mask = (text: string) =>
  text.replace(/\d(?=\d{2})/g, '•').replace(/(eyJ[\w-]{4})[\w.-]+/g, '$1…')

/** Scans log text for full phone numbers, JWTs and one-time codes. */
export const scanLog = (text: string): LogFinding[] => {
  const findings: LogFinding[] = []
  text.split('\n').forEach((line, index) => {
    for (const { kind, pattern } of PATTERNS) {
      for (const match of line.matchAll(pattern)) {
        findings.push({ kind, line: index + 1, excerpt: mask(match[0]) })
      }
    }
  })
  return findings
}

/** Scans log files; a file that does not exist (a server that never started) is skipped. */
export const scanLogFiles = async (files: string[]) => {
  const { readFile } = await import('node:fs/promises')
  const results: (LogFinding & { file: string })[] = []
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '')
    results.push(...scanLog(text).map((finding) => ({ ...finding, file })))
  }
  return results
}
