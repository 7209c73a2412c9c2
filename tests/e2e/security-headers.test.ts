/**
 * Issue 12 item 5 in Chromium: the H5 app at `/` runs and logs in under its Content-Security-Policy (any violation
 * would show as a console error and fail the test), an inline script injected into the page does not run, and the
 * session with its signing key sits in the tab's sessionStorage, not in localStorage.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-process'
import { expectErrors, launchBrowser, newPhone } from './support/browser'
import { loginThroughSheet } from './support/login'

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page

/** Every CSP violation the page reports, recorded from its first script on. */
const recordViolations = (): void => {
  const seen: string[] = []
  Object.defineProperty(window, '__cspViolations', { value: seen })
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
}

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  ;({ context, page } = await newPhone(browser))
  await context.addInitScript(recordViolations)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await app?.stop()
})

describe('the H5 app under its security headers', () => {
  it('sends CSP, frame-ancestors, nosniff and a referrer policy with the page', async () => {
    const response = await page.goto(`${app.baseUrl}/`)
    const headers = response?.headers() ?? {}
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/)
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('no-referrer')
  })

  it('still runs and logs in, with no policy violation on the way', async () => {
    await loginThroughSheet(page, app.baseUrl, '13800138000')
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
  })

  it('keeps the session and its signing key in sessionStorage, not localStorage', async () => {
    const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('op-session'), local: localStorage.getItem('op-session') }))
    expect(stored.session).toMatch(/signingKey/)
    expect(stored.local).toBeNull()
  })

  it('does not run an inline script injected into the page', async () => {
    const refused = expectErrors(page, /Content Security Policy/)
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__injectedRan = true'
      document.body.appendChild(script)
      await new Promise((resolve) => setTimeout(resolve, 100))
      return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true
    })
    expect(ran).toBe(false)
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
    expect(violations.some((violation) => violation.startsWith('script-src'))).toBe(true)
    refused()
  })
})
