/**
 * The checks every route's input gets before its own schema, in one place (registered app-wide in app.ts):
 *
 * - The query string must be validly percent-encoded UTF-8. The query parser would otherwise keep `%ZZ` or
 *   `%C0%80` as literal text and a filter would search for it.
 * - No control character (C0, DEL, C1) in any param, query key or value, or JSON body key or string. None belongs
 *   in any text this API takes, a NUL cannot even be stored by PostgreSQL (a 500 before this), and the others
 *   corrupt logs and the admin page.
 * - Query parameters declared as integer, number or boolean are converted here, strictly: the validator's own
 *   coercion (off, see app.ts) would take `0x10`, ` 5`, `1e1` or `Infinity` as numbers. What is not a plain
 *   decimal (or `true`/`false`) stays a string, and the route's schema refuses it naming the field.
 */
import type { FastifyRequest } from 'fastify'
import { AppError } from '../errors'

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const INTEGER = /^(0|-?[1-9][0-9]{0,14})$/
const DECIMAL = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,15})?$/

function refuse(message: string): never {
  throw new AppError(400, 'VALIDATION_FAILED', message)
}

function checkEncoding(url: string): void {
  const at = url.indexOf('?')
  if (at === -1) return
  for (const pair of url.slice(at + 1).split('&')) {
    for (const part of pair.split('=')) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '))
      } catch {
        refuse('query: not validly percent-encoded UTF-8')
      }
    }
  }
}

/** Printable name of a key for the message; a key with control characters is not echoed. */
const shown = (key: string): string => (CONTROL.test(key) ? '(a name with control characters)' : key.slice(0, 64))

function checkText(where: string, value: unknown, depth = 0): void {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) refuse(`${where}: control characters are not accepted`)
    return
  }
  if (typeof value !== 'object' || value === null || depth > 32) return
  for (const [key, child] of Object.entries(value)) {
    if (CONTROL.test(key)) refuse(`${where}: ${shown(key)}: control characters are not accepted`)
    checkText(Array.isArray(value) ? `${where}[${key}]` : `${where}.${shown(key)}`, child, depth + 1)
  }
}

interface PropertySchema {
  type?: string | readonly string[]
}

function strictQueryValue(schema: PropertySchema | undefined, value: unknown): unknown {
  if (typeof value !== 'string' || schema?.type === undefined) return value
  const types: readonly string[] = typeof schema.type === 'string' ? [schema.type] : schema.type
  if (types.includes('string')) return value
  if (types.includes('integer') && INTEGER.test(value)) return Number(value)
  if (types.includes('number') && DECIMAL.test(value)) return Number(value)
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function convertQuery(request: FastifyRequest): void {
  const properties = (request.routeOptions.schema?.querystring as { properties?: Record<string, PropertySchema> } | undefined)?.properties
  const query = request.query
  if (properties === undefined || typeof query !== 'object' || query === null) return
  const values = query as Record<string, unknown>
  for (const key of Object.keys(values)) {
    if (Object.prototype.hasOwnProperty.call(properties, key)) values[key] = strictQueryValue(properties[key], values[key])
  }
}

/** A preValidation hook for the whole app. A string body (the webhook's XML, a text/plain body) is its route's. */
export async function guardInput(request: FastifyRequest): Promise<void> {
  checkEncoding(request.url)
  checkText('params', request.params)
  checkText('query', request.query)
  if (typeof request.body === 'object') checkText('body', request.body)
  convertQuery(request)
}
