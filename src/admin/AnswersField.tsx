'use client'
import type { JSONFieldClientComponent } from 'payload'

import { FieldLabel, useConfig, useField, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { JsonView } from './JsonView'
import { answersForPeople, type Question } from './review/format'

import './json-view.css'

/**
 * A submission's answers in its edit view, under the task's question labels in the form's order
 * (read from `GET /api/tasks/:id` with the viewer's session). Falls back to `JsonView` while the
 * form loads or when the task cannot be read. Read-only, like answers themselves.
 */
export const AnswersField: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ path: path ?? field.name })
  const taskId = useFormFields(([fields]) => fields.task?.value) as number | undefined
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [questions, setQuestions] = useState<Question[]>()

  useEffect(() => {
    if (!taskId) return
    const controller = new AbortController()
    fetch(`${api}/tasks/${taskId}?depth=0`, { credentials: 'include', signal: controller.signal })
      .then((res) => (res.ok ? res.json() : undefined))
      .then((task) => task && setQuestions((task.fields ?? []) as Question[]))
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, taskId])

  const rows = questions ? answersForPeople(questions, value) : undefined
  return (
    <div className="field-type bn-json-field">
      <FieldLabel label={field.label ?? 'Answers'} path={path} />
      <div className="bn-json-field__box">
        {rows ? (
          <dl className="bn-json" data-testid="answers-field">
            {rows.map((row, i) => (
              <div className="bn-json__row" key={i}>
                <dt>{row.label}</dt>
                <dd>
                  {row.value.kind === 'text' && row.value.text}
                  {row.value.kind === 'list' && row.value.items.join(', ')}
                  {row.value.kind === 'empty' && (
                    <span className="bn-json__empty">not answered</span>
                  )}
                  {row.value.kind === 'json' && <JsonView value={row.value.value} />}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <JsonView value={value} />
        )}
      </div>
    </div>
  )
}
