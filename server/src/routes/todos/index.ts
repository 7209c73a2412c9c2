/** GET /api/todos (待办事项). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { TodosResponse } from '@contract/todos'
import { getTodos } from '../../services/todos'
import type { ReadApiOptions } from '../read-api-options'
import { emptyQuery } from '../read-schemas'
import { responseSchema } from './schemas'

export const todosRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db, now }) => {
  app.get<{ Reply: TodosResponse }>(
    '/todos',
    { schema: { tags: ['home'], summary: '待办事项', querystring: emptyQuery, response: { 200: responseSchema } } },
    async (request) => getTodos(db, requireAuth(request).merchantNo, now()),
  )
}
