/** JSON schemas of the admin API (contract/admin.ts is the TypeScript side). Domain rules live in services/accounts.ts. */
import { ACCOUNT_PERMISSIONS } from '@contract/admin'

export const merchantParamsSchema = {
  type: 'object',
  required: ['account'],
  additionalProperties: false,
  properties: { account: { type: 'string', pattern: '^[0-9]{6}$' } },
} as const

export const accountParamsSchema = {
  type: 'object',
  required: ['account', 'id'],
  additionalProperties: false,
  properties: {
    account: { type: 'string', pattern: '^[0-9]{6}$' },
    id: { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
  },
} as const

const fields = {
  phone: { type: 'string', minLength: 1, maxLength: 32 },
  username: { type: 'string', minLength: 1, maxLength: 64 },
  position: { type: 'string', maxLength: 64 },
  enabled: { type: 'boolean' },
  permissions: {
    type: 'array',
    maxItems: ACCOUNT_PERMISSIONS.length,
    items: { type: 'string', enum: [...ACCOUNT_PERMISSIONS] },
  },
} as const

export const createAccountBodySchema = {
  type: 'object',
  required: ['phone', 'username'],
  additionalProperties: false,
  properties: fields,
} as const

export const updateAccountBodySchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: fields,
} as const

export const accountSchema = {
  type: 'object',
  required: ['id', 'merchantAccount', 'phone', 'username', 'position', 'enabled', 'permissions', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    merchantAccount: { type: 'string' },
    phone: { type: 'string' },
    username: { type: 'string' },
    position: { type: 'string' },
    enabled: { type: 'boolean' },
    permissions: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const

export const accountListSchema = { type: 'array', items: accountSchema } as const

export const merchantListSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['account', 'name', 'accounts'],
    additionalProperties: false,
    properties: { account: { type: 'string' }, name: { type: 'string' }, accounts: { type: 'integer' } },
  },
} as const
