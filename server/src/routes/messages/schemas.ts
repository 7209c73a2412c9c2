/** Schemas of the messages routes (contract/messages.ts is the TypeScript side). */
import { MESSAGE_KINDS, TEXT_LANGUAGES, type MessageKind } from '@contract/messages'
import { DEADLINE_REMINDER_HOURS } from '@contract/subscriptions'
import { moneySchema, nullableString, nullableTimeSchema, pageProperties, propertyNames, timeSchema } from '../read-schemas'

const kindSchema = { type: 'string', enum: MESSAGE_KINDS } as const

export const querySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { kind: kindSchema, unreadOnly: { type: 'boolean' }, ...pageProperties },
} as const

const countSchema = { type: 'integer' } as const
const countPerKind = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, countSchema])) as Record<MessageKind, typeof countSchema>
const unreadSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['total', 'byKind'],
  properties: {
    total: countSchema,
    byKind: {
      type: 'object',
      additionalProperties: false,
      required: MESSAGE_KINDS,
      properties: countPerKind,
    },
  },
} as const

/** An announcement's text in both languages, or null (a notice message, worded by the client). */
const localizedText = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: TEXT_LANGUAGES,
  properties: { 'zh-CN': { type: 'string' }, 'en-US': { type: 'string' } },
} as const

const itemProperties = {
  id: { type: 'string' },
  kind: kindSchema,
  title: localizedText,
  paymentId: nullableString,
  orderNumber: nullableString,
  amount: { ...moneySchema, type: ['object', 'null'] },
  reasonCode: nullableString,
  reason: nullableString,
  deadlineAt: nullableTimeSchema,
  refundOutcome: { type: ['string', 'null'], enum: ['succeeded', 'failed', null] },
  reminder: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['hours', 'caseKind'],
    properties: {
      hours: { type: 'integer', enum: DEADLINE_REMINDER_HOURS },
      caseKind: { type: 'string', enum: ['chargeback', 'retrieval'] },
    },
  },
  summary: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['day', 'successCount', 'successAmounts', 'newCases', 'expiringAuthorizations', 'deadlinesWithin72h'],
    properties: {
      day: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
      successCount: countSchema,
      successAmounts: { type: 'array', items: moneySchema },
      newCases: countSchema,
      expiringAuthorizations: countSchema,
      deadlinesWithin72h: countSchema,
    },
  },
  createdAt: timeSchema,
  read: { type: 'boolean' },
} as const

export const pageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'nextCursor', 'unread'],
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: propertyNames(itemProperties), properties: itemProperties },
    },
    nextCursor: { type: ['string', 'null'] },
    unread: unreadSchema,
  },
} as const

export const detailSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...propertyNames(itemProperties), 'body'],
  properties: { ...itemProperties, body: localizedText },
} as const

export const markSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['marked', 'unread'],
  properties: { marked: countSchema, unread: unreadSchema },
} as const

export const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 20 } },
} as const

export const readAllBody = { type: ['object', 'null'], additionalProperties: false, properties: { kind: kindSchema } } as const
