/**
 * The routes the fuzz suite probes, read from the app itself through an onRoute hook, so a route added anywhere
 * is fuzzed without editing the suite.
 */
import type { App } from '../../../server/src/app'

export interface JsonSchema {
  type?: string | string[]
  enum?: readonly unknown[]
  const?: unknown
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  properties?: Record<string, JsonSchema>
  required?: readonly string[]
  additionalProperties?: unknown
  items?: JsonSchema
  description?: string
  content?: Record<string, { schema: JsonSchema }>
}

export interface FuzzRoute {
  method: string
  /** As registered, with `:param` placeholders. */
  url: string
  params?: JsonSchema
  querystring?: JsonSchema
  body?: JsonSchema
}

/** Call before `app.ready()`: the hook sees every route registered afterwards, in every plugin. */
export function collectRoutes(app: App): FuzzRoute[] {
  const routes: FuzzRoute[] = []
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const schema = (route.schema ?? {}) as { params?: JsonSchema; querystring?: JsonSchema; body?: JsonSchema }
    for (const method of methods) {
      // HEAD is Fastify's automatic twin of a GET: the same handler, probed through the GET.
      if (method === 'HEAD' || method === 'OPTIONS') continue
      routes.push({ method, url: route.url, params: schema.params, querystring: schema.querystring, body: schema.body })
    }
  })
  return routes
}

export function routeLabel(route: Pick<FuzzRoute, 'method' | 'url'>): string {
  return `${route.method} ${route.url}`
}
