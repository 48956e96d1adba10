/**
 * Children and clean-up: everything the benchmark starts runs in its own process group, is
 * tracked here and is reaped on any exit, with the temp dir removed; every wait is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

import { isAlive } from '../../src/lib/process'
import { captureLine, note } from './output'

/** The project root, where children run. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** How long a child may take to exit after SIGTERM (the host force-exits after 25 s of its own). */
export const STOP_TIMEOUT_MS = 30_000

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A started child: its process, process group, spawn time and (once it exited) how it ended. */
export type Child = {
  label: string
  proc: ChildProcess
  pgid: number
  spawnedAt: number
  exited: Promise<void>
  exitInfo?: string
}

/** Process groups we created and have not yet seen empty. */
const groups = new Set<number>()
const live = new Set<Child>()
let tempDir: string | undefined
let interrupted = false

/** True once a signal asked the benchmark to stop. */
export const isInterrupted = () => interrupted

const signalGroup = (pgid: number, signal: NodeJS.Signals | 0) => {
  try {
    process.kill(-pgid, signal)
    return true
  } catch {
    return false
  }
}

/** Names and pids of the processes still in a process group (Linux /proc; empty elsewhere). */
const groupMembers = (pgid: number): string[] => {
  let entries: string[]
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return []
  }
  const members: string[] = []
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      const name = stat.slice(stat.indexOf('(') + 1, close)
      const fields = stat.slice(close + 2).split(' ') // state, ppid, pgrp, …
      if (Number(fields[2]) === pgid) members.push(`${name} (pid ${pid})`)
    } catch {
      // the process went away while we looked
    }
  }
  return members
}

/** Waits until nothing is left in the group; true if it emptied within `ms`. */
const groupEmptied = async (pgid: number, ms: number) => {
  const deadline = performance.now() + ms
  while (performance.now() < deadline) {
    if (!signalGroup(pgid, 0)) {
      groups.delete(pgid)
      return true
    }
    await sleep(50)
  }
  return false
}

/** Last-resort clean-up, synchronous so it also runs from process.on('exit'). */
const hardCleanup = () => {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL')
  groups.clear()
  if (tempDir) {
    // SIGKILLed processes are gone at once, but give the kernel a moment before removing files.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        fs.rmSync(tempDir, { recursive: true, force: true })
        break
      } catch {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
      }
    }
    tempDir = undefined
  }
}

/** Graceful clean-up: SIGTERM what is still running, wait (bounded), then SIGKILL the rest. */
export const cleanup = async () => {
  await Promise.all(
    [...live].map(async (child) => {
      child.proc.kill('SIGTERM')
      await Promise.race([child.exited, sleep(STOP_TIMEOUT_MS)])
    }),
  )
  for (const pgid of [...groups]) {
    if (!(await groupEmptied(pgid, 3000))) note(`reaping ${groupMembers(pgid).join(', ')}`)
  }
  hardCleanup()
}

/** Reaps children and the temp dir on exit and on SIGINT/SIGTERM/SIGHUP (twice to force). */
export const installCleanupHandlers = () => {
  process.on('exit', hardCleanup)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (interrupted) {
        hardCleanup()
        process.exit(130)
      }
      interrupted = true
      note(`${signal}: stopping children and removing the temp dir (again to force)…`)
      const force = setTimeout(() => process.exit(130), STOP_TIMEOUT_MS + 10_000)
      force.unref()
      void cleanup().finally(() => process.exit(130))
    })
  }
}

/** Creates the temporary data dir, removed again by the clean-up. */
export const makeTempDir = () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bayanet-bench-'))
  fs.chmodSync(tempDir, 0o755) // as root, Postgres runs as the `postgres` user and must reach it
  return tempDir
}

/** Spawns a child in its own process group, capturing its output line by line. */
export const start = (label: string, argv: string[], env: NodeJS.ProcessEnv, echo = false) => {
  if (interrupted) throw new Error('interrupted')
  const spawnedAt = performance.now()
  const proc = spawn(process.execPath, argv, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (proc.pid === undefined) throw new Error(`could not spawn ${label}`)
  const child: Child = {
    label,
    proc,
    pgid: proc.pid,
    spawnedAt,
    exited: new Promise((resolve) => proc.once('exit', () => resolve())),
  }
  groups.add(child.pgid)
  live.add(child)
  proc.once('exit', (code, signal) => {
    child.exitInfo = signal ? `signal ${signal}` : `code ${code}`
    live.delete(child)
  })
  proc.once('error', (err) => {
    child.exitInfo = `spawn error ${err.message}`
    live.delete(child)
  })
  for (const stream of [proc.stdout, proc.stderr]) {
    if (!stream) continue
    readline.createInterface({ input: stream }).on('line', (line) => {
      captureLine(label, performance.now() - spawnedAt, line, echo)
    })
  }
  return child
}

type StopOptions = { dataDir?: string; handlesSigterm?: boolean }

/**
 * SIGTERM, wait (bounded) for exit and for its process group to empty. Returns ms to exit, and
 * whether it went cleanly (exit code 0, nothing left behind) for a child that handles SIGTERM.
 */
export const stop = async (
  child: Child,
  { dataDir, handlesSigterm = true } = {} as StopOptions,
) => {
  const sentAt = performance.now()
  if (!child.exitInfo) child.proc.kill('SIGTERM')
  const exitedInTime = await Promise.race([
    child.exited.then(() => true),
    sleep(STOP_TIMEOUT_MS).then(() => false),
  ])
  const stopMs = performance.now() - sentAt
  const problems: string[] = []
  if (!exitedInTime) problems.push(`did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM`)
  else if (handlesSigterm && child.exitInfo !== 'code 0')
    problems.push(`exited with ${child.exitInfo}`)
  if (!(await groupEmptied(child.pgid, 5000))) {
    problems.push(`left running: ${groupMembers(child.pgid).join(', ') || 'something'}`)
    // Postgres first, gracefully, so a warm start after this is not measuring crash recovery.
    const pidFile = dataDir && path.join(dataDir, 'postgres', 'postmaster.pid')
    let pid = 0
    try {
      if (pidFile) pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) || 0
    } catch {
      // no pid file: Postgres is not what is left
    }
    if (pid && isAlive(pid)) process.kill(pid, 'SIGINT')
    if (!(await groupEmptied(child.pgid, 10_000))) {
      signalGroup(child.pgid, 'SIGKILL')
      await groupEmptied(child.pgid, 5000)
    }
  }
  for (const problem of problems) note(`${child.label}: ${problem}`)
  return { stopMs, clean: problems.length === 0 }
}
