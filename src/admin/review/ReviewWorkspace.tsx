'use client'
import { useRouter } from 'next/navigation'
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { JsonView } from '../JsonView'
import { decide, decideMany, type Decision } from './decide'
import type { ReviewItem, ReviewQueue } from './types'

import './review.css'

type Flash = { tone: 'ok' | 'warn' | 'error'; text: string }

/** Reasons reviewers give most; one click fills the note, which stays editable. */
const QUICK_REASONS = [
  'The photo does not show what the task asks for.',
  'The answers are incomplete or do not match the photo.',
  'This looks like a duplicate of another submission.',
  'The photo was not taken at the task location.',
]

const SHORTCUTS: [string, string][] = [
  ['J / ↓', 'next'],
  ['K / ↑', 'previous'],
  ['A', 'approve'],
  ['R', 'reject'],
  ['X', 'select'],
  ['⇧A / ⇧R', 'approve / reject selected'],
  ['P', 'enlarge photo'],
  ['Esc', 'close'],
]

const age = (iso: string) => {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000))
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} h ago`
  return `${Math.round(hours / 24)} days ago`
}

const manila = (iso: string) =>
  new Intl.DateTimeFormat('en-PH', {
    timeZone: 'Asia/Manila',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso))

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * The reviewer's workspace: the queue on the left, the submission on the right, decisions by
 * button or keyboard. Decisions go through the REST review endpoints, so the server's one review
 * operation decides races; a 409 means a colleague was first, and the item leaves the queue.
 */
export const ReviewWorkspace = ({
  queue,
  apiRoute,
  initialId,
}: {
  queue: ReviewQueue
  apiRoute: string
  /** The submission to open first (`/admin/review?id=12`); the head of the queue otherwise. */
  initialId?: number
}) => {
  const router = useRouter()
  const [decided, setDecided] = useState<Set<number>>(new Set())
  const items = useMemo(() => queue.items.filter((i) => !decided.has(i.id)), [queue, decided])
  const [currentId, setCurrentId] = useState<number | undefined>(initialId ?? items[0]?.id)
  const index = Math.max(
    0,
    items.findIndex((i) => i.id === currentId),
  )
  const current: ReviewItem | undefined = items[index]
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [rejecting, setRejecting] = useState<null | 'one' | 'bulk'>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [flash, setFlash] = useState<Flash>()
  const [zoom, setZoom] = useState(false)
  const [photoIndex, setPhotoIndex] = useState(0)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const waiting = queue.waiting - queue.items.filter((i) => decided.has(i.id)).length
  const chosen = items.filter((i) => selected.has(i.id))

  const go = useCallback(
    (step: number) => {
      const next = items[Math.min(items.length - 1, Math.max(0, index + step))]
      if (next) setCurrentId(next.id)
    },
    [items, index],
  )

  const photo = current?.photos[photoIndex] ?? current?.photos[0]
  useEffect(() => setPhotoIndex(0), [current?.id])
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [current?.id])
  useEffect(() => {
    if (rejecting) noteRef.current?.focus()
  }, [rejecting])

  /** Takes decided items out of the queue, moves on, and asks the server for a fresh queue. */
  const settle = (ids: number[]) => {
    if (!ids.length) return
    const gone = new Set([...decided, ...ids])
    const rest = queue.items.filter((i) => !gone.has(i.id))
    const after = rest.find(
      (i) => queue.items.indexOf(i) > queue.items.findIndex((q) => q.id === current?.id),
    )
    setDecided(gone)
    setSelected((s) => new Set([...s].filter((id) => !gone.has(id))))
    if (current && gone.has(current.id)) setCurrentId((after ?? rest[rest.length - 1])?.id)
    router.refresh()
  }

  const run = async (decision: Decision, targets: ReviewItem[], reviewNote: string) => {
    if (busy || !targets.length) return
    if (decision === 'rejected' && !reviewNote.trim()) {
      setFlash({ tone: 'error', text: 'Give the resident a reason for the rejection.' })
      noteRef.current?.focus()
      return
    }
    setBusy(true)
    setFlash(undefined)
    try {
      const results =
        targets.length === 1
          ? [await decide(apiRoute, targets[0].id, decision, reviewNote.trim())]
          : await decideMany(
              apiRoute,
              targets.map((t) => t.id),
              decision,
              reviewNote.trim(),
            )
      const won = results.filter((r) => r.ok)
      const lost = results.filter((r) => r.conflict)
      const failed = results.filter((r) => !r.ok && !r.conflict)
      settle([...won, ...lost].map((r) => r.id))
      const verb = decision === 'approved' ? 'Approved' : 'Rejected'
      const parts: string[] = []
      if (won.length)
        parts.push(`${verb} ${won.length === 1 ? `#${won[0].id}` : `${won.length} submissions`}.`)
      if (lost.length)
        parts.push(
          lost.length === 1
            ? `Someone else decided #${lost[0].id} first${lost[0].status ? ` (it is ${lost[0].status.replace('_', '-')})` : ''}; it has left your queue.`
            : `Someone else decided ${lost.length} of them first; they have left your queue.`,
        )
      if (failed.length) parts.push(failed.map((f) => `#${f.id}: ${f.error}`).join(' '))
      setFlash({
        tone: failed.length ? 'error' : lost.length ? 'warn' : 'ok',
        text: parts.join(' '),
      })
      if (!failed.length) {
        setRejecting(null)
        setNote('')
      }
    } finally {
      setBusy(false)
    }
  }

  const approve = (bulk = false) =>
    void run('approved', bulk ? chosen : current ? [current] : [], '')
  const reject = (bulk = false) => {
    if (rejecting !== (bulk ? 'bulk' : 'one')) return setRejecting(bulk ? 'bulk' : 'one')
    void run('rejected', bulk ? chosen : current ? [current] : [], note)
  }
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        if (zoom) setZoom(false)
        else if (rejecting) setRejecting(null)
        return
      }
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
      const key = event.key.toLowerCase()
      const handled = (() => {
        if (key === 'j' || event.key === 'ArrowDown') return (go(1), true)
        if (key === 'k' || event.key === 'ArrowUp') return (go(-1), true)
        if (key === 'x' && current) return (toggle(current.id), true)
        if (key === 'p' && photo) return (setZoom((z) => !z), true)
        if (key === 'a') return (approve(event.shiftKey), true)
        if (key === 'r') return (setRejecting(event.shiftKey ? 'bulk' : 'one'), true)
        return false
      })()
      if (handled) event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const rejectForm = rejecting && (
    <form
      className="bn-review__reject"
      onSubmit={(e) => {
        e.preventDefault()
        reject(rejecting === 'bulk')
      }}
    >
      <label htmlFor="bn-reject-note">
        {rejecting === 'bulk'
          ? `Reason for rejecting ${chosen.length} selected submissions`
          : 'Reason for the rejection (the resident receives it)'}
      </label>
      <div className="bn-review__quick">
        {QUICK_REASONS.map((reason) => (
          <button type="button" key={reason} onClick={() => setNote(reason)} className="bn-chip">
            {reason}
          </button>
        ))}
      </div>
      <textarea
        id="bn-reject-note"
        ref={noteRef}
        value={note}
        rows={2}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault()
            reject(rejecting === 'bulk')
          }
        }}
        placeholder="Write a short reason, or pick one above. Enter sends, Esc cancels."
      />
      <div className="bn-review__row">
        <button type="submit" className="bn-btn bn-btn--reject" disabled={busy || !note.trim()}>
          {rejecting === 'bulk' ? `Reject ${chosen.length} selected` : 'Reject with this reason'}
        </button>
        <button type="button" className="bn-btn bn-btn--plain" onClick={() => setRejecting(null)}>
          Cancel
        </button>
      </div>
    </form>
  )

  return (
    <div className="bn-review">
      <header className="bn-review__head">
        <div>
          <h1>Review queue</h1>
          <p className="bn-review__sub" data-testid="waiting">
            <strong>{waiting}</strong> {waiting === 1 ? 'submission waits' : 'submissions wait'} for
            a decision · {queue.order}
            {queue.waiting > queue.items.length ? ` · showing the first ${queue.items.length}` : ''}
          </p>
        </div>
        {flash && (
          <div className={`bn-flash bn-flash--${flash.tone}`} role="status" data-testid="flash">
            {flash.text}
          </div>
        )}
      </header>

      {items.length === 0 ? (
        <div className="bn-review__empty">
          <p>Nothing waits for review. New submissions appear here as residents send them.</p>
          <button type="button" className="bn-btn bn-btn--plain" onClick={() => router.refresh()}>
            Check again
          </button>
        </div>
      ) : (
        <div className="bn-review__main">
          <aside className="bn-review__queue">
            <div className="bn-review__bulk">
              <label className="bn-check">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={chosen.length > 0 && chosen.length === items.length}
                  onChange={(e) =>
                    setSelected(new Set(e.target.checked ? items.map((i) => i.id) : []))
                  }
                />
                {chosen.length ? `${chosen.length} selected` : 'Select all'}
              </label>
              {chosen.length > 0 && (
                <span className="bn-review__bulk-actions">
                  <button
                    type="button"
                    className="bn-btn bn-btn--approve bn-btn--small"
                    disabled={busy}
                    onClick={() => approve(true)}
                  >
                    Approve {chosen.length}
                  </button>
                  <button
                    type="button"
                    className="bn-btn bn-btn--reject bn-btn--small"
                    disabled={busy}
                    onClick={() => reject(true)}
                  >
                    Reject {chosen.length}…
                  </button>
                </span>
              )}
            </div>
            {rejecting === 'bulk' && rejectForm}
            <ol ref={listRef} className="bn-review__list">
              {items.map((item) => (
                <li
                  key={item.id}
                  aria-current={item.id === current?.id}
                  className="bn-review__item"
                  onClick={() => setCurrentId(item.id)}
                >
                  <input
                    type="checkbox"
                    aria-label={`Select submission ${item.id}`}
                    checked={selected.has(item.id)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => toggle(item.id)}
                  />
                  {item.photos[0] ? (
                    <img
                      className="bn-review__mini"
                      src={item.photos[0].thumbnail}
                      alt=""
                      loading="lazy"
                    />
                  ) : (
                    <span className="bn-review__mini bn-review__mini--none">no photo</span>
                  )}
                  <span className="bn-review__item-text">
                    <span className="bn-review__item-title">{item.task.title}</span>
                    {item.snippet && (
                      <span className="bn-review__item-snippet">{item.snippet}</span>
                    )}
                    <span className="bn-review__item-meta" suppressHydrationWarning>
                      {item.resident.handle} · {age(item.createdAt)}
                    </span>
                  </span>
                  {item.score !== undefined && (
                    <span
                      className={`bn-score ${item.score >= 50 ? 'bn-score--high' : ''}`}
                      title="Risk score"
                    >
                      {item.score}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </aside>

          {current && (
            <section className="bn-review__detail" aria-label={`Submission ${current.id}`}>
              <div className="bn-review__bar">
                <div className="bn-review__title">
                  <h2>{current.task.title}</h2>
                  <span>
                    #{current.id}
                    {current.task.organization ? ` · ${current.task.organization}` : ''}
                    {current.reward ? ` · pays ${current.reward}` : ''} · {index + 1} of{' '}
                    {items.length}
                  </span>
                </div>
                <div className="bn-review__row">
                  <button
                    type="button"
                    className="bn-btn bn-btn--plain"
                    onClick={() => go(-1)}
                    disabled={index === 0}
                    title="Previous (K)"
                  >
                    ‹
                  </button>
                  <button
                    type="button"
                    className="bn-btn bn-btn--plain"
                    onClick={() => go(1)}
                    disabled={index >= items.length - 1}
                    title="Next (J)"
                  >
                    ›
                  </button>
                  <button
                    type="button"
                    className="bn-btn bn-btn--approve"
                    disabled={busy}
                    onClick={() => approve()}
                  >
                    Approve <kbd>A</kbd>
                  </button>
                  <button
                    type="button"
                    className="bn-btn bn-btn--reject"
                    disabled={busy}
                    onClick={() => reject()}
                  >
                    Reject… <kbd>R</kbd>
                  </button>
                </div>
              </div>
              {rejecting === 'one' && rejectForm}
              {current.appeal && (
                <div className="bn-review__appeal" data-testid="appeal">
                  <strong>Appeal of a rejection</strong>
                  {current.appeal.previousNote && (
                    <p>
                      <span className="bn-muted">Rejected because: </span>
                      {current.appeal.previousNote}
                    </p>
                  )}
                  <p>
                    <span className="bn-muted">The resident answers: </span>
                    {current.appeal.message}
                  </p>
                </div>
              )}
              {current.task.description && (
                <p className="bn-review__task-desc" title={current.task.description}>
                  {current.task.description}
                </p>
              )}

              <div className="bn-review__body">
                <figure className="bn-review__photo">
                  {photo ? (
                    <button type="button" onClick={() => setZoom(true)} title="Enlarge (P)">
                      <img src={photo.thumbnail} alt={`${photo.label}, submission ${current.id}`} />
                    </button>
                  ) : (
                    <div className="bn-review__nophoto">No photo with this submission</div>
                  )}
                  {photo && (
                    <figcaption>
                      {photo.label} · click to enlarge
                      {photo.capturedAt ? ` · taken ${manila(photo.capturedAt)}` : ''}
                      {photo.distanceM !== undefined && (
                        <span className={photo.distanceM > 500 ? 'bn-warn' : undefined}>
                          {` · ${photo.distanceM.toLocaleString('en-PH')} m from the submitted location`}
                        </span>
                      )}
                    </figcaption>
                  )}
                  {current.photos.length > 1 && (
                    <div className="bn-review__thumbs">
                      {current.photos.map((p, i) => (
                        <button
                          type="button"
                          key={p.id}
                          aria-pressed={i === photoIndex}
                          onClick={() => setPhotoIndex(i)}
                          title={p.label}
                        >
                          <img src={p.thumbnail} alt={p.label} />
                        </button>
                      ))}
                    </div>
                  )}
                </figure>

                <div className="bn-review__facts">
                  <h3>Answers</h3>
                  {current.answers.length ? (
                    <dl className="bn-facts" data-testid="answers">
                      {current.answers.map((answer, i) => (
                        <div key={i}>
                          <dt>{answer.label}</dt>
                          <dd>
                            {answer.value.kind === 'text' && answer.value.text}
                            {answer.value.kind === 'list' && answer.value.items.join(', ')}
                            {answer.value.kind === 'empty' && (
                              <span className="bn-muted">not answered</span>
                            )}
                            {answer.value.kind === 'json' && (
                              <JsonView value={answer.value.value} />
                            )}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ) : (
                    <p className="bn-muted">This task asks no questions.</p>
                  )}

                  <h3>Submitted</h3>
                  <dl className="bn-facts">
                    <div>
                      <dt>When</dt>
                      <dd suppressHydrationWarning>
                        {manila(current.createdAt)} ({age(current.createdAt)})
                      </dd>
                    </div>
                    <div>
                      <dt>Where</dt>
                      <dd>
                        {current.location ? (
                          `${current.location.lat.toFixed(5)}, ${current.location.lng.toFixed(5)}${current.location.accuracy !== undefined ? ` (±${Math.round(current.location.accuracy)} m)` : ''}`
                        ) : (
                          <span className="bn-muted">no location sent</span>
                        )}
                      </dd>
                    </div>
                    <div>
                      <dt>Task area</dt>
                      <dd>
                        {current.task.targets.join('; ')}
                        {current.insideArea === true && ' · inside'}
                        {current.insideArea === false && (
                          <strong className="bn-warn"> · outside</strong>
                        )}
                        {current.insideArea === null && current.location && (
                          <span className="bn-muted">
                            {' '}
                            · inside or not can't be told: the task has no mapped area
                          </span>
                        )}
                      </dd>
                    </div>
                  </dl>

                  <h3>Resident</h3>
                  <p className="bn-resident" data-testid="resident">
                    <strong>{current.resident.handle}</strong> · {current.resident.submissions}{' '}
                    {current.resident.submissions === 1 ? 'submission' : 'submissions'} ·{' '}
                    {current.resident.approved} approved · {current.resident.rejected} rejected
                    <span className="bn-muted"> (in your organisations)</span>
                  </p>

                  {(current.score !== undefined || current.reasons.length > 0) && (
                    <>
                      <h3>Risk{current.score !== undefined ? ` · score ${current.score}` : ''}</h3>
                      <ul className="bn-reasons">
                        {current.reasons.map((reason, i) => (
                          <li key={i}>{reason}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              </div>
              <footer className="bn-review__keys" aria-label="Keyboard shortcuts">
                {SHORTCUTS.map(([keys, what]) => (
                  <span key={keys}>
                    <kbd>{keys}</kbd> {what}
                  </span>
                ))}
              </footer>
            </section>
          )}
        </div>
      )}

      {zoom && photo && current && (
        <div
          className="bn-lightbox"
          role="dialog"
          aria-label="Photo"
          onClick={() => setZoom(false)}
        >
          <img src={photo.full} alt={`${photo.label}, submission ${current.id}, full size`} />
          <span>Click or press Esc to close</span>
        </div>
      )}
    </div>
  )
}
