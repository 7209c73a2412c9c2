/**
 * JSON schemas of the sandbox's Oceanpayment routes, built from OPERATIONS so they list exactly the documented
 * parameters (additionalProperties: false), and the validator the sandbox compiles them with. Unlike Fastify's
 * default it never strips or coerces anything: a request that breaks a schema still reaches the handler
 * (attachValidation), which answers with the documented result code in XML, as Oceanpayment does, rather than
 * with a JSON 400.
 */
import type { FastifySchema } from 'fastify'
import type { FastifySchemaCompiler } from 'fastify/types/schema'
import { COMMON_FIELDS, OPERATIONS, type OperationName } from '../../gateway'

interface ObjectSchema {
  type: 'object'
  properties: Record<string, { type: string | string[]; maxLength?: number; items?: { type: string[] } }>
  additionalProperties: false
}

export function bodySchema(operation: OperationName): ObjectSchema {
  const spec = OPERATIONS[operation]
  const properties: ObjectSchema['properties'] = {}
  for (const [name, rule] of Object.entries({ ...COMMON_FIELDS, ...spec.fields })) {
    properties[name] =
      name === 'card_bin'
        ? { type: 'array', items: { type: ['string', 'integer'] } }
        : { type: 'string', ...(rule.maxLength === undefined ? {} : { maxLength: rule.maxLength }) }
  }
  if (spec.encoding === 'form') properties.signValue = { type: 'string', maxLength: 64 }
  return { type: 'object', properties, additionalProperties: false }
}

export function routeSchema(operation: OperationName): FastifySchema {
  const spec = OPERATIONS[operation]
  const schema: FastifySchema = {
    summary: `Oceanpayment sandbox: ${operation}`,
    body: bodySchema(operation),
    response: { 200: { type: 'string', description: `XML <${spec.response.root}> answer` } },
  }
  if (spec.encoding === 'json-with-credential-headers') {
    schema.headers = {
      type: 'object',
      properties: { account: { type: 'string' }, terminal: { type: 'string' }, securecode: { type: 'string' } },
    }
  }
  return schema
}

function isObjectSchema(schema: unknown): schema is ObjectSchema {
  return typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'object' && 'properties' in schema
}

function valueMatches(value: unknown, type: string | string[], items: { type: string[] } | undefined): boolean {
  if (type === 'array') {
    return Array.isArray(value) && value.every((item) => valueMatches(item, items?.type ?? ['string'], undefined))
  }
  const types = Array.isArray(type) ? type : [type]
  return (types.includes('string') && typeof value === 'string') || (types.includes('integer') && Number.isInteger(value))
}

/**
 * Checks body shape only (an object of known fields with the right types); the rules themselves are checked by
 * the gateway's validateParams in the handler, so the two can never disagree about a rule.
 */
export const sandboxValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (httpPart !== 'body' || !isObjectSchema(schema)) return () => true
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return { error: new Error('the body must be a set of named parameters') }
    }
    for (const [name, value] of Object.entries(data)) {
      const property = schema.properties[name]
      if (property === undefined) return { error: new Error(`${name} is not a parameter of this function`) }
      if (!valueMatches(value, property.type, property.items)) return { error: new Error(`${name} has the wrong type`) }
    }
    return { value: data }
  }
}
