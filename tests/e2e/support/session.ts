/**
 * Starts a browser page already logged in, without going through the login page: the demo user logs in over
 * HTTP through the WeChat emulator's dev endpoints (the same calls the H5 phone sheet makes), and the session
 * is written into the tab's sessionStorage exactly as the app's session store persists it on H5. Tests of the login page itself
 * use support/login.ts instead.
 *
 *   const login = await openLoggedIn(page, app)                      // 张敏 at 140105, on the home tab
 *   await openLoggedIn(page, app, { phone: '13600136000', path: ROUTES.me })
 *   const todos = await apiGet<TodosResponse>(app, login, '/api/todos')  // what the server says, to compare
 */
import type { Page } from 'playwright-core'
import type { LoginResponse } from '@contract/auth'
import { SESSION_STORAGE_KEY, persistedSessionValue } from '../../../src/stores/session-persistence'
import { createNonceSource, signRequest } from '../../../src/api/signing'
import type { RunningApp } from './app-process'

const createNonce = createNonceSource()

/** 张敏, 财务主管 at the demo merchant 140105, with every permission. */
export const DEMO_PHONE = '13800138000'

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`POST ${url} → ${response.status}: ${text}`)
  return JSON.parse(text) as T
}

/** A fresh login over HTTP (new WeChat codes each time: they are single-use). */
export async function loginOverHttp(app: Pick<RunningApp, 'baseUrl'>, phone: string = DEMO_PHONE): Promise<LoginResponse> {
  const { code: loginCode } = await postJson<{ code: string }>(`${app.baseUrl}/sandbox/wechat/dev/login`, {})
  const { code: phoneCode } = await postJson<{ code: string }>(`${app.baseUrl}/sandbox/wechat/dev/phone-code`, { phone })
  return postJson<LoginResponse>(`${app.baseUrl}/api/auth/login`, { loginCode, phoneCode })
}

/** The stored value as Taro's H5 storage wraps it (`{ data }`), which the session storage keeps too. */
function taroStorageItem(value: string): string {
  return JSON.stringify({ data: value })
}

export interface OpenOptions {
  phone?: string
  /** A ROUTES path, optionally with a query, e.g. `/subpackages/finance/funds/index`. Default: home. */
  path?: string
  /** Wait for this text on the opened page (default: none). */
  waitForText?: string
}

/** Logs in over HTTP, seeds the session into the page's storage and opens `path` as that user. */
export async function openLoggedIn(page: Page, app: Pick<RunningApp, 'baseUrl'>, options: OpenOptions = {}): Promise<LoginResponse> {
  const login = await loginOverHttp(app, options.phone)
  // Any same-origin document gives access to the app's storage; the health check is the lightest.
  await page.goto(`${app.baseUrl}/api/health`)
  await page.evaluate(
    ([key, item]) => {
      localStorage.clear()
      sessionStorage.clear()
      // The H5 build keeps the session in the tab's sessionStorage (src/stores/session-storage.ts).
      sessionStorage.setItem(key, item)
    },
    [SESSION_STORAGE_KEY, taroStorageItem(persistedSessionValue(login))] as const,
  )
  await page.goto(`${app.baseUrl}/#${options.path ?? '/pages/home/index'}`)
  await page.locator('.taro_page.taro_page_stationed:visible').last().waitFor({ timeout: 30_000 })
  if (options.waitForText !== undefined) {
    await page.getByText(options.waitForText).first().waitFor({ timeout: 30_000 })
  }
  return login
}

/** A signed GET as that session, for comparing what the page shows with what the server says. */
export async function apiGet<T>(app: Pick<RunningApp, 'baseUrl'>, login: LoginResponse, url: string): Promise<T> {
  const timestamp = Date.now()
  const nonce = createNonce(timestamp)
  const headers = {
    'x-op-session': login.token,
    'x-op-timestamp': String(timestamp),
    'x-op-nonce': nonce,
    'x-op-sign': signRequest(login.signingKey, { method: 'GET', url, body: '', timestamp, nonce }),
  }
  const response = await fetch(`${app.baseUrl}${url}`, { headers })
  const text = await response.text()
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}: ${text}`)
  return JSON.parse(text) as T
}
