/**
 * The browser-facing security headers, one place for both web pages this server serves: the H5 app at `/`
 * (plugins/h5-static.ts) and the admin page at `/admin` (routes/admin/page.ts). Each page brings its own
 * Content-Security-Policy; the rest is the same everywhere.
 */
import { createHash } from 'node:crypto'
import type { FastifyReply } from 'fastify'

/** A year, subdomains included: production is served over HTTPS only (docs/configuration.md). */
export const HSTS = 'max-age=31536000; includeSubDomains'

export interface SecurityHeaderOptions {
  csp: string
  /** Strict-Transport-Security: production only (a development server on http://127.0.0.1 must stay reachable). */
  hsts: boolean
}

export function applySecurityHeaders(reply: FastifyReply, { csp, hsts }: SecurityHeaderOptions): FastifyReply {
  void reply
    .header('content-security-policy', csp)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    // For browsers without CSP frame-ancestors.
    .header('x-frame-options', 'DENY')
  if (hsts) void reply.header('strict-transport-security', HSTS)
  return reply
}

/** `script-src 'self'` plus the hashes of a page's own inline scripts: those run, an injected one does not. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = match[1] ?? ''
    if (body.trim() === '') continue
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return hashes
}

/**
 * The H5 app's policy. What the Taro H5 bundle needs, and why each source is there:
 * - script-src: its own bundles, and the inline script of its index.html (Taro's rem sizing), by hash;
 * - style-src 'unsafe-inline': Taro's H5 runtime and components write <style> elements and style attributes at run
 *   time (styles cannot run code; scripts stay strict);
 * - img-src data: blob:: the inline favicon and icons, the charts' exported images;
 * - connect-src 'self': the API is same-origin in the H5 build (TARO_APP_API_BASE is empty there).
 */
export function h5Csp(inlineHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...inlineHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
