/** The simulate tests' live server answers like the real one: unsigned health, a login, signed reads, refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TodosResponse } from '@contract/todos'
import { createNonceSource, signRequest } from '../../src/api/signing'
import { SESSION_STORAGE_KEY } from '../../src/stores/session-persistence'
import { startLiveServer, type LiveServer } from './support/live-server'

const createNonce = createNonceSource()

let server: LiveServer

beforeAll(async () => {
  server = await startLiveServer()
}, 120_000)

afterAll(async () => {
  await server?.close()
})

function signedHeader(login: { token: string; signingKey: string }, url: string): Record<string, string> {
  const timestamp = Date.now()
  const nonce = createNonce(timestamp)
  return {
    'X-OP-Session': login.token,
    'X-OP-Timestamp': String(timestamp),
    'X-OP-Nonce': nonce,
    'X-OP-Sign': signRequest(login.signingKey, { method: 'GET', url, body: '', timestamp, nonce }),
  }
}

describe('the live server of the simulate tests', () => {
  it('logs a demo user in and seeds storage the way the session store persists it', async () => {
    const login = await server.login()
    expect(login.profile.merchantAccount).toBe('140105')
    const stored = JSON.parse(String(server.storageFor(login)[SESSION_STORAGE_KEY])) as { state: { token: string } }
    expect(stored.state.token).toBe(login.token)
  })

  it('answers a request signed by the client signer with the demo merchant data, and records it', async () => {
    const login = await server.login()
    const result = await server.handler({ url: '/api/todos', method: 'GET', header: signedHeader(login, '/api/todos') })
    expect(result.statusCode).toBe(200)
    const todos = JSON.parse(String(result.data)) as TodosResponse
    expect(todos.items.map((item) => item.kind)).toEqual(['pendingAuthorization', 'chargeback', 'dispute', 'fraud', 'retrieval'])
    expect(server.requests.at(-1)).toEqual({ method: 'GET', url: '/api/todos', statusCode: 200 })
  })

  it('refuses an unsigned read and a tampered one, as the real server does', async () => {
    const login = await server.login()
    expect((await server.handler({ url: '/api/todos', method: 'GET' })).statusCode).toBe(401)
    const header = signedHeader(login, '/api/todos')
    expect((await server.handler({ url: '/api/funds', method: 'GET', header })).statusCode).toBe(401)
  })
})
