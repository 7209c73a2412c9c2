/**
 * The admin web page at /admin: four static files from server/src/admin-page (no framework, no build step),
 * served by plain routes because @fastify/static's root already belongs to the H5 build. A strict
 * Content-Security-Policy allows only those same-origin files and calls to the same origin's admin API.
 */
import { readFile } from 'node:fs/promises'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { applySecurityHeaders } from '../../plugins/security-headers'

const pageDir = new URL('../../admin-page/', import.meta.url)

export const ADMIN_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  // blob: for the invitations' mini-program codes, fetched with the bearer token and shown from memory.
  "img-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const FILES = [
  { route: '/admin/admin.js', file: 'admin.js', type: 'text/javascript; charset=utf-8' },
  { route: '/admin/admin.css', file: 'admin.css', type: 'text/css; charset=utf-8' },
  // Named in index.html, so the browser does not ask for /favicon.ico (a 404 on every load).
  { route: '/admin/favicon.svg', file: 'favicon.svg', type: 'image/svg+xml' },
] as const

export interface AdminPageOptions {
  /** Production: add Strict-Transport-Security. */
  hsts?: boolean
}

function secure(reply: FastifyReply, type: string, hsts: boolean): FastifyReply {
  return applySecurityHeaders(reply, { csp: ADMIN_PAGE_CSP, hsts })
    .header('content-type', type)
    // Small files; always fresh after an upgrade.
    .header('cache-control', 'no-cache')
}

const textSchema = { response: { 200: { type: 'string' } } } as const

export const adminPage: FastifyPluginAsync<AdminPageOptions> = async (app, { hsts = false }) => {
  const html = await readFile(new URL('index.html', pageDir), 'utf8')
  for (const route of ['/admin', '/admin/']) {
    app.get(route, { schema: textSchema }, async (_request, reply) => secure(reply, 'text/html; charset=utf-8', hsts).send(html))
  }
  for (const { route, file, type } of FILES) {
    const body = await readFile(new URL(file, pageDir), 'utf8')
    app.get(route, { schema: textSchema }, async (_request, reply) => secure(reply, type, hsts).send(body))
  }
}
