/** HTTP probing of a child on loopback, and polling until it answers as wanted. */
import http from 'node:http'
import { performance } from 'node:perf_hooks'

import { sleep, type Child } from './children'

/** One HTTP answer: status and body. */
export type Probe = { status: number; body: string }

/** GETs `urlPath` from 127.0.0.1:`port`; undefined if there was no answer in time. */
export const probe = (port: number, urlPath: string, timeoutMs = 5000) =>
  new Promise<Probe | undefined>((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: urlPath, agent: false, timeout: timeoutMs },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        res.on('error', () => resolve(undefined))
      },
    )
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(undefined))
  })

/** Polls until `accept` returns true; returns ms since the child's spawn, or throws. */
export const pollUntil = async (
  child: Child,
  port: number,
  urlPath: string,
  deadline: number,
  intervalMs: number,
  accept: (answer: Probe | undefined, atMs: number) => boolean,
) => {
  for (;;) {
    const answer = await probe(
      port,
      urlPath,
      Math.max(100, Math.min(5000, deadline - performance.now())),
    )
    const at = performance.now() - child.spawnedAt
    if (accept(answer, at)) return at
    if (child.exitInfo) {
      throw new Error(`${child.label} exited (${child.exitInfo}) before ${urlPath} answered 200`)
    }
    if (performance.now() > deadline) {
      throw new Error(
        `${child.label}: no 200 from ${urlPath} within ${Math.round(deadline - child.spawnedAt)} ms`,
      )
    }
    await sleep(intervalMs)
  }
}
