import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** The budget for all the JavaScript a first page load downloads, gzipped. */
export const INITIAL_JS_BUDGET = 20 * 1024

type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }

/** One screen opened as the first page: the scripts it loads and their gzipped total. */
export type FirstLoad = { route: string; files: string[]; gzipBytes: number }

/**
 * What each screen costs when it is the first page a resident opens, read from Vite's manifest:
 * the entry and its static imports, the larger of the two dictionaries, and the screen's lazy
 * chunk with its static imports. Gzip level 9, as the host serves the precompressed files.
 */
export const measureFirstLoads = (distDir: string): FirstLoad[] => {
  const manifest: Record<string, Chunk> = JSON.parse(
    fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'),
  )
  const sizes = new Map<string, number>()
  const gz = (file: string) => {
    if (!sizes.has(file)) {
      sizes.set(file, gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length)
    }
    return sizes.get(file)!
  }
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key)) return into
    into.add(key)
    for (const next of manifest[key].imports ?? []) closure(next, into)
    return into
  }
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)!
  const entry = closure(entryKey)
  const dynamic = manifest[entryKey].dynamicImports ?? []
  // The larger language's strings: the core part always, the rest for the screens that wait for it.
  const largest = (part: RegExp) =>
    dynamic
      .filter((key) => part.test(key))
      .sort((a, b) => gz(manifest[b].file) - gz(manifest[a].file))[0]
  const core = largest(/\/i18n\/(en|fil)\.ts$/)
  const more = largest(/\/i18n\/(en|fil)-more\.ts$/)
  const main = fs.readFileSync(path.join(distDir, '..', 'src', 'main.tsx'), 'utf8')
  const needsMore = (page: string) =>
    main.includes(
      `withMore(() => import('./${page.replace(/^src\//, '').replace(/(\/index)?\.tsx$/, '')}'))`,
    )
  return dynamic
    .filter((key) => key.includes('/pages/'))
    .map((page) => {
      const strings = needsMore(page) ? [...closure(core), ...closure(more)] : closure(core)
      const keys = new Set([...entry, ...strings, ...closure(page)])
      const files = [...keys].map((key) => manifest[key].file)
      return {
        route: page.replace(/^src\/pages\//, ''),
        files,
        gzipBytes: files.reduce((sum, file) => sum + gz(file), 0),
      }
    })
}

// `npx tsx client/scripts/size.ts`: prints the table.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist')
  for (const load of measureFirstLoads(dist)) {
    console.log(`${load.route.padEnd(24)} ${(load.gzipBytes / 1024).toFixed(2).padStart(6)} KB`)
  }
  console.log(`budget                   ${(INITIAL_JS_BUDGET / 1024).toFixed(2).padStart(6)} KB`)
}
