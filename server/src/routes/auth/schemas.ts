/** JSON schemas of the login and session routes (contract/auth.ts is the TypeScript side of the same contract). */
import { ACCOUNT_PERMISSIONS } from '@contract/admin'

export const loginBodySchema = {
  type: 'object',
  required: ['loginCode', 'phoneCode'],
  additionalProperties: false,
  properties: {
    loginCode: { type: 'string', minLength: 1, maxLength: 256 },
    phoneCode: { type: 'string', minLength: 1, maxLength: 256 },
    merchantAccount: { type: 'string', pattern: '^[0-9]{6}$' },
    invitation: { type: 'string', pattern: '^[0-9A-Za-z]{20}$' },
  },
} as const

export const profileSchema = {
  type: 'object',
  required: ['userId', 'username', 'position', 'phone', 'merchantAccount', 'merchantName', 'permissions'],
  additionalProperties: false,
  properties: {
    userId: { type: 'string' },
    username: { type: 'string' },
    position: { type: 'string' },
    phone: { type: 'string' },
    merchantAccount: { type: 'string' },
    merchantName: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string', enum: [...ACCOUNT_PERMISSIONS] } },
  },
} as const

export const loginResponseSchema = {
  type: 'object',
  required: ['token', 'signingKey', 'expiresIn', 'profile'],
  additionalProperties: false,
  properties: {
    token: { type: 'string' },
    signingKey: { type: 'string' },
    expiresIn: { type: 'integer' },
    profile: profileSchema,
  },
} as const

export const heartbeatResponseSchema = {
  type: 'object',
  required: ['expiresIn'],
  additionalProperties: false,
  properties: { expiresIn: { type: 'integer' } },
} as const

/**
 * For POSTs that take no input: no body at all, or an empty JSON object. (Per content type, because a plain body
 * schema would also be applied to a request without a body, and reject it.) text/plain is the other type Fastify
 * parses by default: there, only an empty body.
 */
export const emptyBodySchema = {
  content: {
    'application/json': { schema: { type: 'object', additionalProperties: false, maxProperties: 0 } },
    'text/plain': { schema: { type: 'string', maxLength: 0 } },
  },
} as const
