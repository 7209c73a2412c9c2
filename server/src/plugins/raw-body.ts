/**
 * Reads a request body into memory before Fastify parses it, for checks that need the exact bytes (the request
 * signature), then hands Fastify an equivalent stream so its content-type parsers work unchanged.
 */
import { Readable } from 'node:stream'
import { AppError } from '../errors'

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact body bytes; set on signed /api/ requests only. */
    rawBody?: Buffer
  }
}

/** @throws AppError 413 as soon as more than `limit` bytes arrive (without waiting for the rest). */
export async function readRawBody(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    length += buffer.length
    if (length > limit) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `request body larger than ${limit} bytes`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks, length)
}

/**
 * A stream of `body` for Fastify's parsers. `receivedEncodedLength` is what Fastify compares with the
 * Content-Length header (it would otherwise count decoded characters, which differ for non-ASCII text).
 */
export function replayStream(body: Buffer): Readable & { receivedEncodedLength: number } {
  const stream = Readable.from(body.length === 0 ? [] : [body]) as Readable & { receivedEncodedLength: number }
  stream.receivedEncodedLength = body.length
  return stream
}
