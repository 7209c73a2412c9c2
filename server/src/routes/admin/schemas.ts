/** JSON schemas of the admin API (contract/admin.ts is the TypeScript side). Domain rules live in services/accounts.ts. */
import { ACCOUNT_PERMISSIONS } from '@contract/admin'
import { ACTION_KINDS, ACTION_STATUSES } from '@contract/actions'
import { actionRecordSchema } from '../tools/schemas'
import { moneySchema } from '../../money'

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
  required: ['id', 'merchantAccount', 'phone', 'username', 'position', 'enabled', 'permissions', 'createdAt', 'updatedAt', 'actionPin', 'refundLimits'],
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
    // Acting from the phone (contract/admin.ts AdminAccountActions).
    actionPin: {
      type: 'object',
      required: ['set', 'locked'],
      additionalProperties: false,
      properties: { set: { type: 'boolean' }, locked: { type: 'boolean' } },
    },
    refundLimits: { type: 'array', items: moneySchema },
  },
} as const

export const accountListSchema = { type: 'array', items: accountSchema } as const

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

const actionFilterFields = {
  from: { type: 'string', maxLength: 40 },
  to: { type: 'string', maxLength: 40 },
  kind: { type: 'string', enum: [...ACTION_KINDS] },
  status: { type: 'string', enum: [...ACTION_STATUSES] },
  userId: { type: 'string', pattern: UUID },
} as const

export const actionLogQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...actionFilterFields,
    cursor: { type: 'string', minLength: 1, maxLength: 512 },
    limit: { type: 'integer', minimum: 1, maximum: 200 },
  },
} as const

export const actionCsvQuerySchema = { type: 'object', additionalProperties: false, properties: actionFilterFields } as const

export const actionLogPageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      items: {
        ...actionRecordSchema,
        required: [...actionRecordSchema.required, 'userId', 'requestId', 'needsAttention'],
        properties: {
          ...actionRecordSchema.properties,
          userId: { type: 'string' },
          requestId: { type: 'string' },
          needsAttention: { type: 'boolean' },
        },
      },
    },
    nextCursor: { type: ['string', 'null'] },
  },
} as const

export const refundLimitsBodySchema = {
  type: 'object',
  required: ['limits'],
  additionalProperties: false,
  properties: {
    limits: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['currency', 'amount'],
        additionalProperties: false,
        properties: { currency: { type: 'string', pattern: '^[A-Z]{3}$' }, amount: { type: 'string', maxLength: 24 } },
      },
    },
  },
} as const

export const refundLimitsReplySchema = refundLimitsBodySchema

export const merchantListSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['account', 'name', 'accounts'],
    additionalProperties: false,
    properties: { account: { type: 'string' }, name: { type: 'string' }, accounts: { type: 'integer' } },
  },
} as const
