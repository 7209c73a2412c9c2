/**
 * The development stand-ins mint WeChat login and phone codes for any number and move sandbox money on request:
 * whoever reaches them can log in as any merchant's account on this development server. So they answer only
 * callers on this machine unless SANDBOX_ACCESS=open says otherwise (a phone on the LAN testing the H5 build).
 *
 * The socket's own address is used, never X-Forwarded-For: a header is the caller's word. In-process calls
 * (`app.inject`, the SELF_ORIGIN transport) come from 127.0.0.1.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errorBody } from '../errors'

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}

/** Adds the guard to `scope` (an encapsulated plugin context holding the stand-ins, so other routes never see it). */
export function guardLoopbackOnly(scope: FastifyInstance): void {
  // Answered here rather than thrown: the emulator's WeChat routes render thrown errors WeChat's way (HTTP 200).
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (isLoopbackAddress(request.socket.remoteAddress)) return
    request.log.warn({ remoteAddress: request.socket.remoteAddress }, 'development stand-in refused a caller from another machine')
    return reply
      .code(403)
      .send(errorBody('FORBIDDEN', 'The development stand-ins answer only callers on this machine; set SANDBOX_ACCESS=open to let others in'))
  })
}
