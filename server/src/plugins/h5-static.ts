/**
 * Serves the H5 build of the mini-program (dist/h5) at `/`. Taro's H5 build uses a hash router, so there is
 * no SPA fallback: an unknown path is a plain 404.
 *
 * The directory is looked up per request rather than once at start-up: `taro build --watch` deletes and
 * rewrites it, and a server started before the first build should start serving as soon as it lands.
 */
import { access, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import fastifyCompress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { errorBody } from '../errors'
import { applySecurityHeaders, h5Csp, inlineScriptHashes } from './security-headers'

export interface H5StaticOptions {
  h5Dir: string
  /** Production: add Strict-Transport-Security. */
  hsts?: boolean
}

/** Taro names bundles `[name].[contenthash:8].js|css` (config/index.ts): such a file never changes under its name. */
const HASHED_ASSET = /\.[0-9a-f]{8,}\.(?:js|css|png|jpe?g|gif|svg|webp|woff2?|ttf|eot)$/

const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Cache, but revalidate (ETag) every time: index.html points at the current hashed bundles. */
const REVALIDATE = 'no-cache'

// @fastify/static 10 hands setHeaders the reply.
function setCacheHeaders(reply: FastifyReply, path: string): void {
  void reply.header('cache-control', HASHED_ASSET.test(basename(path)) ? IMMUTABLE : REVALIDATE)
}

/**
 * The CSP of the current build: its index.html's inline scripts are allowed by hash, so the policy follows a
 * rebuild (checked by mtime and size on each request: one stat, the file is read again only when it changed).
 */
function cspOfBuild(indexHtml: string): () => Promise<string> {
  let seen = ''
  let csp = h5Csp([])
  return async () => {
    try {
      const info = await stat(indexHtml)
      const version = `${info.mtimeMs}:${info.size}`
      if (version !== seen) {
        csp = h5Csp(inlineScriptHashes(await readFile(indexHtml, 'utf8')))
        seen = version
      }
    } catch {
      // No build (yet): the strictest form, no inline script at all.
      csp = h5Csp([])
      seen = ''
    }
    return csp
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

export const h5Static: FastifyPluginAsync<H5StaticOptions> = async (app, { h5Dir, hsts = false }) => {
  const indexHtml = join(h5Dir, 'index.html')
  const currentCsp = cspOfBuild(indexHtml)

  // Every answer of this context — pages, bundles, images, the 503 — carries the headers (issue 12 item 5); the
  // session token and signing key live in this origin's storage, so no frame, no sniffing, no foreign script.
  app.addHook('onRequest', async (_request, reply) => {
    applySecurityHeaders(reply, { csp: await currentCsp(), hsts })
  })
  if (!(await exists(indexHtml))) {
    app.log.warn({ h5Dir }, 'H5 build not found: GET / answers 503 until `npm run build:h5` has run')
  }

  // Inside this plugin's own context, so only the bundles are compressed (the API's small JSON answers are not
  // worth a zlib stream each). Brotli or gzip, as the browser asks; the H5 main bundle shrinks ~4×.
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 })

  await app.register(fastifyStatic, {
    root: h5Dir,
    prefix: '/',
    wildcard: true,
    cacheControl: false,
    setHeaders: setCacheHeaders,
    dotfiles: 'ignore',
  })

  // `/` is matched before the plugin's `/*`, so a missing build gets an explanation instead of a 404.
  app.get('/', async (request, reply) => {
    if (!(await exists(indexHtml))) {
      request.log.warn({ h5Dir }, 'H5 build not found')
      return reply
        .code(503)
        .send(errorBody('H5_NOT_BUILT', 'The H5 build of the mini-program is missing: run `npm run build:h5`.'))
    }
    return reply.sendFile('index.html')
  })
}
