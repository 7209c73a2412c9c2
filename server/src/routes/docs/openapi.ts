/**
 * The OpenAPI document's generator, registered on the root app before any route so that it sees every route of the
 * API a client or the PC calls: the mini-program's /api (reads, actions, tools, login) and the admin API. Routes
 * outside those (the webhooks Oceanpayment calls, the development emulator and sandbox, the pages) are left out:
 * they are not ours to call. Served at GET /api/docs (./index.ts).
 */
import type { SwaggerOptions } from '@fastify/swagger'
import { appVersion } from '../../version'

const DOCUMENTED = ['/api/', '/admin/api/']

/** Options of @fastify/swagger, registered by app.ts. */
export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Oceanpayment 商户助手 API',
      version: appVersion,
      description:
        'Signed requests (X-OP-Session, X-OP-Timestamp, X-OP-Nonce, X-OP-Sign; see README). Money: decimal strings ' +
        'with their currency. Times: ISO 8601 with +08:00 (Beijing time). The admin API (/admin/api) takes ' +
        '`Authorization: Bearer <ADMIN_TOKEN>` instead.',
    },
  },
  transform: ({ schema, url }) => ({
    schema: DOCUMENTED.some((prefix) => url.startsWith(prefix)) ? schema : { ...schema, hide: true },
    url,
  }),
}
