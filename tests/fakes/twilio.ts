import { randomBytes } from 'node:crypto'

import { answerScripted, startFakeSmsServer } from './smsServer'

/**
 * Twilio Programmable Messaging on 127.0.0.1: `POST /2010-04-01/Accounts/{sid}/Messages.json`,
 * form-encoded `To`, `From` (or `MessagingServiceSid`) and `Body`, Basic auth with the account
 * SID and auth token; 201 with the message resource. Faults: 429 (code 20429) and 5xx.
 */
export const startFakeTwilio = (accountSid = 'ACtest', authToken = 'test-token') =>
  startFakeSmsServer((req, body, res, server) => {
    const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":20404,"status":404}')
      return
    }
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`
    if (req.headers.authorization !== expected) {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"code":20003,"message":"Authenticate","status":401}')
      return
    }
    const scripted = answerScripted(res, server, (status) => ({
      code: status === 429 ? 20429 : 20500,
      message: status === 429 ? 'Too Many Requests' : 'Internal Server Error',
      status,
    }))
    if (scripted) return
    const form = new URLSearchParams(body)
    const to = form.get('To') ?? ''
    const text = form.get('Body') ?? ''
    const from = form.get('From') ?? form.get('MessagingServiceSid') ?? ''
    if (!to || !text || !from) {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end('{"code":21604,"message":"A \'To\' phone number is required.","status":400}')
      return
    }
    const sid = `SM${randomBytes(16).toString('hex')}`
    server.received.push({ to, body: text, from, id: sid })
    res.writeHead(201, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        sid,
        account_sid: accountSid,
        to,
        from,
        body: text,
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        date_created: new Date().toUTCString(),
        uri: `${path.replace('.json', '')}/${sid}.json`,
      }),
    )
  })
