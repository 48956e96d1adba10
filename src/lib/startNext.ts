import type { Request, Response } from 'express'
import next from 'next'

import { adminBuildIsCurrent, buildAdmin } from './adminBuild'
import { log } from './logger'

/**
 * Starts Next.js (Payload's admin and REST API) in production mode inside this process,
 * building it first when `.next` is missing or older than the sources.
 */
export const startNext = async (root: string, progress: (detail: string) => void) => {
  if (!(await adminBuildIsCurrent(root))) {
    progress('building the admin (first start only, about a minute)')
    log('building the admin with next build (first start, or the sources changed)…')
    await buildAdmin(root)
    log('admin built')
  }
  progress('starting Next.js')
  const app = next({ dev: false, dir: root, quiet: true })
  await app.prepare()
  const handle = app.getRequestHandler()
  return (req: Request, res: Response) => handle(req, res)
}
