/** 消息: GET /api/messages, GET /api/messages/:id, POST /api/messages/:id/read, POST /api/messages/read-all. */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { MarkReadResponse, MessageDetail, MessagesPage, MessagesQuery, ReadAllBody } from '@contract/messages'
import { getMessage, listMessages, markAllRead, markMessageRead } from '../../services/messages'
import type { ReadApiOptions } from '../read-api-options'
import { emptyBodySchema } from '../auth/schemas'
import { emptyQuery, errorResponse } from '../read-schemas'
import { detailSchema, idParams, markSchema, pageSchema, querySchema, readAllBody } from './schemas'

export const messagesRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db }) => {
  const reader = (request: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(request)
    return { merchantNo: auth.merchantNo, userId: auth.userId }
  }

  app.get<{ Querystring: MessagesQuery; Reply: MessagesPage }>(
    '/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'Messages, newest first, with unread counts per kind (tab badge)',
        querystring: querySchema,
        response: { 200: pageSchema, 400: errorResponse },
      },
    },
    async (request) => listMessages(db, reader(request), request.query),
  )

  app.post<{ Body: ReadAllBody | undefined; Reply: MarkReadResponse }>(
    '/messages/read-all',
    {
      schema: {
        tags: ['messages'],
        summary: 'Mark every message (or every one of a kind) read for this user',
        querystring: emptyQuery,
        body: readAllBody,
        response: { 200: markSchema },
      },
    },
    async (request) => markAllRead(db, reader(request), request.body?.kind),
  )

  app.get<{ Params: { id: string }; Reply: MessageDetail }>(
    '/messages/:id',
    {
      schema: {
        tags: ['messages'],
        summary: 'One message; opening it marks it read',
        params: idParams,
        querystring: emptyQuery,
        response: { 200: detailSchema, 404: errorResponse },
      },
    },
    async (request) => getMessage(db, reader(request), request.params.id),
  )

  app.post<{ Params: { id: string }; Reply: MarkReadResponse }>(
    '/messages/:id/read',
    {
      schema: {
        tags: ['messages'],
        summary: 'Mark one message read for this user',
        params: idParams,
        querystring: emptyQuery,
        body: emptyBodySchema,
        response: { 200: markSchema, 404: errorResponse },
      },
    },
    async (request) => markMessageRead(db, reader(request), request.params.id),
  )
}
