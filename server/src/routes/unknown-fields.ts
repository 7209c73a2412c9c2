/**
 * Rejects query parameters and body fields a route's schema does not declare. Fastify's default validator
 * silently strips them (removeAdditional), which would let a misspelt filter (`curency=USD`) return the
 * unfiltered list as if it had applied; a merchant would trust a wrong total. 400 names the field instead.
 */
import type { FastifyRequest } from 'fastify'
import { AppError } from '../errors'

interface ObjectSchema {
  properties?: Record<string, unknown>
  additionalProperties?: unknown
}

function declared(schema: unknown): ObjectSchema | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined
  const candidate = schema as ObjectSchema
  return candidate.additionalProperties === false && candidate.properties !== undefined ? candidate : undefined
}

function check(where: string, schema: unknown, value: unknown): void {
  const object = declared(schema)
  if (object === undefined || typeof value !== 'object' || value === null) return
  const unknown = Object.keys(value).find((key) => !Object.prototype.hasOwnProperty.call(object.properties, key))
  if (unknown !== undefined) throw new AppError(400, 'VALIDATION_FAILED', `${unknown}: unknown ${where} field`)
}

/** A preValidation hook: it sees the request before the validator strips anything. */
export async function rejectUnknownFields(request: FastifyRequest): Promise<void> {
  const schema = request.routeOptions.schema
  if (schema === undefined) return
  check('query', schema.querystring, request.query)
  check('body', schema.body, request.body)
}
