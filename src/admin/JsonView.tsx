'use client'
import type { JSONFieldClientComponent } from 'payload'

import { FieldDescription, FieldLabel, useField } from '@payloadcms/ui'
import React from 'react'

import './json-view.css'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** "reviewNote" → "Review note", "gps_distance" → "Gps distance": readable keys without a dictionary. */
export const humanizeKey = (key: string) => {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
  return words ? words[0].toUpperCase() + words.slice(1) : key
}

const isPlainObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const Scalar = ({ value }: { value: Exclude<Json, Json[] | Record<string, Json>> }) => {
  if (value === null || value === '') return <span className="bn-json__empty">—</span>
  if (typeof value === 'boolean') return <span>{value ? 'Yes' : 'No'}</span>
  if (typeof value === 'number') return <span className="bn-json__number">{value}</span>
  return <span className="bn-json__text">{value}</span>
}

/**
 * Read-only rendering of any JSON value for people: objects as labelled rows, arrays as lists,
 * booleans as Yes/No. It replaces Payload's JSON editor (Monaco, fetched from a public CDN that
 * closed LGU networks cannot reach), and needs nothing beyond React.
 */
export const JsonView = ({ value, depth = 0 }: { value: unknown; depth?: number }) => {
  if (value === undefined) return <span className="bn-json__empty">—</span>
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="bn-json__empty">none</span>
    if (value.every((item) => !isPlainObject(item) && !Array.isArray(item)))
      return (
        <span className="bn-json__text">
          {value.map((v) => (v === null ? '—' : String(v))).join(', ')}
        </span>
      )
    return (
      <ol className="bn-json__list">
        {value.map((item, i) => (
          <li key={i}>
            <JsonView value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    )
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
    if (entries.length === 0) return <span className="bn-json__empty">empty</span>
    // Beyond a few levels the structure stops helping; show the rest compactly.
    if (depth > 4) return <code className="bn-json__code">{JSON.stringify(value)}</code>
    return (
      <dl className="bn-json" data-depth={depth}>
        {entries.map(([key, item]) => (
          <div className="bn-json__row" key={key}>
            <dt title={key}>{humanizeKey(key)}</dt>
            <dd>
              <JsonView value={item} depth={depth + 1} />
            </dd>
          </div>
        ))}
      </dl>
    )
  }
  return <Scalar value={value as Exclude<Json, Json[] | Record<string, Json>>} />
}

/**
 * The admin field component for `json` fields (submission answers and reasons, audit data):
 * the label, the value rendered by `JsonView`, and the field's description. Read-only.
 */
export const JsonViewField: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ path: path ?? field.name })
  return (
    <div className="field-type bn-json-field">
      <FieldLabel label={field.label ?? humanizeKey(field.name)} path={path} />
      <div className="bn-json-field__box">
        <JsonView value={value} />
      </div>
      {field.admin?.description ? (
        <FieldDescription description={field.admin.description} path={path ?? field.name} />
      ) : null}
    </div>
  )
}
