/**
 * Fault injection (development only, like the whole sandbox): a dev route tells the sandbox how to answer the NEXT
 * call of a named function — slowly, with a 5xx, or not at all before the caller gives up — so the assistant's
 * timeout and reconciliation paths are tested against real HTTP. For the functions that act (refund,
 * pre-authorization, tracking…) the caller chooses whether the call is executed before the answer goes wrong:
 * "executed but the answer was lost" is the case reconciliation exists for. Faults queue per function, each used once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { OPERATION_NAMES, type OperationName } from '../../gateway'

export const FAULT_MODES = ['slow', '5xx', 'timeout'] as const
export type FaultMode = (typeof FAULT_MODES)[number]

export interface Fault {
  mode: FaultMode
  /** slow: the delay before the real answer. timeout: how long the answer is held at most (the caller hangs up first). */
  ms: number
  /** 5xx / timeout: run the function before failing (true) or fail without running it (false). */
  execute: boolean
  /** 5xx: the status sent (500–599). */
  status: number
}

export interface FaultBoard {
  add(operation: OperationName, fault: Fault): void
  take(operation: OperationName): Fault | undefined
  pending(): Record<string, Fault[]>
  clear(): void
}

export function createFaultBoard(): FaultBoard {
  const queues = new Map<OperationName, Fault[]>()
  return {
    add(operation, fault) {
      queues.set(operation, [...(queues.get(operation) ?? []), fault])
    },
    take(operation) {
      const queue = queues.get(operation)
      const next = queue?.shift()
      if (queue !== undefined && queue.length === 0) queues.delete(operation)
      return next
    },
    pending: () => Object.fromEntries(queues),
    clear: () => queues.clear(),
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Serves one call under `fault`; `run` executes the function and gives its XML answer (sent only when slow). */
export async function underFault(
  fault: Fault,
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<string>,
): Promise<void> {
  if (fault.mode === 'slow') {
    await sleep(fault.ms)
    const body = await run()
    if (!reply.sent) await reply.type('text/xml; charset=utf-8').send(body)
    return
  }
  // Executed with its answer lost, or not executed at all: the caller's choice.
  if (fault.execute) await run()
  if (fault.mode === '5xx') {
    if (!reply.sent) await reply.code(fault.status).type('text/plain').send('sandbox fault: server error')
    return
  }
  // timeout: hold until the caller hangs up (or fault.ms passes), never answering before its timeout.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, fault.ms)
    timer.unref()
    request.raw.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  if (!reply.sent) await reply.code(504).type('text/plain').send('sandbox fault: held past the caller\'s timeout')
}

/** `POST /dev/faults` (queue one), `GET /dev/faults` (what is queued), `DELETE /dev/faults` (clear). */
export function registerFaultRoutes(app: FastifyInstance, board: FaultBoard): void {
  app.post<{ Body: { operation: OperationName; mode: FaultMode; ms?: number; execute?: boolean; status?: number } }>(
    '/dev/faults',
    {
      schema: {
        summary: 'Make the next call of a function slow, a 5xx, or a timeout (optionally executing it first)',
        body: {
          type: 'object',
          required: ['operation', 'mode'],
          additionalProperties: false,
          properties: {
            operation: { type: 'string', enum: [...OPERATION_NAMES] },
            mode: { type: 'string', enum: [...FAULT_MODES] },
            ms: { type: 'integer', minimum: 0, maximum: 600_000 },
            execute: { type: 'boolean' },
            status: { type: 'integer', minimum: 500, maximum: 599 },
          },
        },
      },
    },
    async (request, reply) => {
      const { operation, mode } = request.body
      const fault: Fault = {
        mode,
        ms: request.body.ms ?? (mode === 'slow' ? 1_000 : 60_000),
        execute: request.body.execute ?? false,
        status: request.body.status ?? 503,
      }
      board.add(operation, fault)
      return reply.code(201).send({ operation, ...fault })
    },
  )
  app.get('/dev/faults', async () => board.pending())
  app.delete('/dev/faults', async (_request, reply) => {
    board.clear()
    return reply.code(204).send()
  })
}
