/** Longest code we accept; real voucher codes are far shorter. */
const MAX_CODE = 128

const cells = (line: string) => line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'))

/**
 * The codes in a CSV: either one code per line, or a header row with a `code` column (any
 * other columns are ignored). Blank lines, surrounding quotes and duplicates are dropped.
 * Throws a message naming the line when a line holds no usable code.
 */
export const parseCodesCsv = (text: string): string[] => {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line)
  if (lines.length === 0) return []
  const column = cells(lines[0].line)
    .map((c) => c.toLowerCase())
    .indexOf('code')
  const rows = column >= 0 ? lines.slice(1) : lines
  const codes = new Set<string>()
  for (const { line, number } of rows) {
    const code = cells(line)[Math.max(column, 0)] ?? ''
    if (!code || code.length > MAX_CODE || /\s/.test(code)) {
      throw new Error(
        `Line ${number} has no usable code (codes are 1–${MAX_CODE} characters without spaces).`,
      )
    }
    codes.add(code)
  }
  return [...codes]
}
