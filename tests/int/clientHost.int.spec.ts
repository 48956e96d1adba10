import { describe, expect, inject, it } from 'vitest'

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${inject('baseUrl')}${path}`, { headers: { accept: 'text/html', ...headers } })

describe('the host serves the resident app', () => {
  it('answers / and client routes with the app shell, without inline scripts', async () => {
    for (const path of ['/', '/feed', '/tasks/12', '/sign-in/code?phone=%2B639171234567']) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      const html = await res.text()
      expect(html).toContain('<div id="app"></div>')
      // The CSP allows no inline script: every script has a src.
      expect([...html.matchAll(/<script\b[^>]*>/g)].every((m) => /\bsrc=/.test(m[0]))).toBe(true)
    }
  })

  it('keeps the API, the admin and the health checks', async () => {
    const api = await get('/api/nothing-here')
    expect(api.status).toBe(404)
    expect(api.headers.get('content-type')).toMatch(/json/)
    const health = await get('/healthz')
    expect(await health.json()).toMatchObject({ status: 'ok' })
    const admin = await get('/admin/login', {})
    expect(admin.status).toBe(200)
    expect(await admin.text()).not.toContain('<div id="app"></div>')
  })

  it('sends hashed assets precompressed and cached for good, the worker fresh', async () => {
    const html = await (await get('/')).text()
    const script = /<script[^>]+src="([^"]+)"/.exec(html)![1]
    const br = await get(script, { 'accept-encoding': 'br, gzip' })
    expect(br.status).toBe(200)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('content-type')).toMatch(/javascript/)
    expect(br.headers.get('cache-control')).toMatch(/immutable/)
    const sw = await get('/sw.js')
    expect(sw.status).toBe(200)
    expect(sw.headers.get('cache-control')).toBe('no-cache')
    expect(await sw.text()).toContain('bayanet-feed')
    const missing = await fetch(`${inject('baseUrl')}/assets/nope.js`)
    expect(missing.status).toBe(404)
  })

  it('has an installable manifest with Bayanet’s name and its icons', async () => {
    const manifest = await (await get('/manifest.webmanifest')).json()
    expect(manifest).toMatchObject({ name: 'Bayanet', display: 'standalone', start_url: '/' })
    for (const icon of manifest.icons) {
      const res = await get(icon.src)
      expect(res.status, icon.src).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    )
  })
})
