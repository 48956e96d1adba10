import fs from 'node:fs'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core'

/** Debian's chromium; browser specs skip when it is missing (`.ci/run` installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = fs.existsSync(CHROMIUM)

/** A 360×640 Android phone, the app's smallest target. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  hasTouch: true,
  isMobile: true,
}

/** Chromium without the background traffic that would reach Google's hosts. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })

/**
 * A context on a closed network, as in an LGU office: any request to another host than the
 * server under test is aborted and recorded in `external`.
 */
export const closedNetworkContext = async (
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; external: string[] }> => {
  const context = await browser.newContext(options)
  const external: string[] = []
  const origin = new URL(baseUrl).origin
  await context.route(
    (url) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin,
    (route) => {
      external.push(route.request().url())
      return route.abort()
    },
  )
  return { context, external }
}
