import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { eventually } from '../helpers/api'
import { createOrganization, createTask, latestOtp, uniquePhone } from '../helpers/fixtures'
import { startTestServer, type TestServer } from '../helpers/testServer'

/** Calls one particular process. */
const call = async (base: string, method: string, path: string, token?: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json().catch(() => undefined) }
}

describe('separate web and worker processes', () => {
  let web: TestServer
  let worker: TestServer

  beforeAll(async () => {
    const env = { DATABASE_URL: inject('databaseUrl'), PAYLOAD_SECRET: inject('payloadSecret') }
    ;[web, worker] = await Promise.all([
      startTestServer({ ...env, BAYANET_ROLE: 'web' }),
      startTestServer({ ...env, BAYANET_ROLE: 'worker' }),
    ])
  })
  afterAll(async () => {
    await Promise.all([web?.stop(), worker?.stop()])
  })

  it('serves health but no API from the worker', async () => {
    const health = await call(worker.url, 'GET', '/healthz')
    expect(health.body).toMatchObject({ status: 'ok', role: 'worker' })
    expect((await fetch(`${worker.url}/api/tasks`)).status).toBe(404)
    expect((await call(web.url, 'GET', '/healthz')).body).toMatchObject({ role: 'web' })
  })

  it('takes a submission on the web process and pays it from any worker', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id)
    const phone = uniquePhone()
    expect(
      (await call(web.url, 'POST', '/api/residents/otp/request', undefined, { phone })).status,
    ).toBe(202)
    const code = await latestOtp(phone, { sent: true })
    const verify = await call(web.url, 'POST', '/api/residents/otp/verify', undefined, {
      phone,
      code,
    })
    expect(verify.status).toBe(200)
    const token = verify.body.token
    for (const purpose of ['terms', 'data-processing']) {
      expect(
        (await call(web.url, 'POST', '/api/consents', token, { purpose, granted: true })).status,
      ).toBe(201)
    }
    const sub = await call(web.url, 'POST', '/api/submissions', token, {
      task: task.id,
      answers: { note: 'ok' },
    })
    expect(sub.status).toBe(201)
    const approve = await call(
      web.url,
      'PATCH',
      `/api/submissions/${sub.body.doc.id}`,
      lgu.reviewer.token,
      { status: 'approved' },
    )
    expect(approve.status).toBe(200)
    const reward = await eventually(
      async () => {
        const res = await call(web.url, 'GET', '/api/rewards', token)
        return res.body?.docs?.[0]?.status === 'issued' ? res.body.docs[0] : undefined
      },
      30_000,
      'the reward to be issued',
    )
    expect(reward.attempts).toBe(1)
  })
})
