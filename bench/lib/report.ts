/** The printed result: medians, ×base ratios and the two tables. */
import os from 'node:os'

import type { HostRun } from './runs'

/** The median of a non-empty list. */
export const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Milliseconds, rounded, with thousands separators. */
export const ms = (x: number) => Math.round(x).toLocaleString('en-US')

/** `x` as a multiple of `base`, e.g. "12.3×". */
export const ratio = (x: number, base: number) => {
  const r = x / base
  return `${r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1)}×`
}

/** Formats rows (the first is the header) as a plain-text table with aligned columns. */
export const table = (rows: string[][], rightAligned: (col: number) => boolean) => {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)))
  const fmt = (row: string[]) =>
    row
      .map((cell, col) =>
        rightAligned(col) ? cell.padStart(widths[col]) : cell.padEnd(widths[col]),
      )
      .join('  ')
      .trimEnd()
  return [
    fmt(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(fmt),
  ].join('\n')
}

/** Prints the header, the start table, the /readyz phase table and footnotes to stdout. */
export const printReport = (baseline: number[], cold: HostRun, warm: HostRun[]) => {
  const base = median(baseline)
  const row = (label: string, r: Pick<HostRun, 'healthzMs' | 'readyzMs' | 'stopMs'>) => [
    label,
    ms(r.healthzMs),
    ratio(r.healthzMs, base),
    ms(r.readyzMs),
    ratio(r.readyzMs, base),
    ms(r.stopMs),
  ]
  const mark = (r: HostRun) => `${r.label}${r.built ? ' *' : ''}${r.clean ? '' : ' !'}`
  const warmMedian = {
    healthzMs: median(warm.map((r) => r.healthzMs)),
    readyzMs: median(warm.map((r) => r.readyzMs)),
    stopMs: median(warm.map((r) => r.stopMs)),
  }
  const rows = [
    ['start', '/healthz ms', '×base', '/readyz ms', '×base', 'stop ms'],
    [`baseline (median of ${baseline.length})`, ms(base), '1.0×', '', '', ''],
    row(`${mark(cold)} (initdb, migrate, PSGC, seed)`, cold),
    row(`warm (median of ${warm.length})`, warmMedian),
    ...(warm.length > 1 ? warm.map((r) => row(`  ${mark(r)}`, r)) : []),
  ]

  // Time per /readyz phase: cold, and the median over warm starts.
  const details = [
    ...new Set([...cold.phases, ...warm.flatMap((r) => r.phases)].map((p) => p.detail)),
  ]
  const phaseOf = (r: HostRun, detail: string) => r.phases.find((p) => p.detail === detail)?.ms
  const phaseRows = [
    ['phase (from /readyz detail)', 'cold ms', '×base', 'warm ms (median)', '×base'],
  ]
  for (const detail of details) {
    const c = phaseOf(cold, detail)
    const ws = warm.map((r) => phaseOf(r, detail)).filter((x): x is number => x !== undefined)
    const w = ws.length ? median(ws) : undefined
    phaseRows.push([
      detail,
      c === undefined ? '' : ms(c),
      c === undefined ? '' : ratio(c, base),
      w === undefined ? '' : ms(w),
      w === undefined ? '' : ratio(w, base),
    ])
  }

  const cpus = os.cpus()
  console.log(
    `\nBayanet startup — node ${process.version}, ${os.platform()} ${os.arch()}, ` +
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, load ${os.loadavg()[0].toFixed(2)}`,
  )
  console.log(
    `baseline: bare \`node -e\` HTTP server, spawn → first 200 (median of ${baseline.length}: ` +
      `${baseline.map(ms).join(', ')} ms); ×base = ms / baseline\n`,
  )
  console.log(table(rows, (col) => col > 0))
  console.log()
  console.log(table(phaseRows, (col) => col > 0))
  const footnotes = [
    cold.built || warm.some((r) => r.built)
      ? '* this start ran `next build` (.next was stale); its /readyz includes the build'
      : '',
    !cold.clean || warm.some((r) => !r.clean)
      ? '! this start did not stop cleanly (see [bench] lines on stderr)'
      : '',
  ].filter(Boolean)
  if (footnotes.length) console.log(`\n${footnotes.join('\n')}`)
}
