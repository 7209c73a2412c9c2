/** Schemas of /api/me/subscriptions… (contract/subscriptions.ts is the TypeScript side). */
import { KEPT_CHOICES, MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_RESULTS, SUBSCRIBE_TOPICS } from '@contract/subscriptions'

/** WeChat's template ids: letters, digits, "_" and "-". */
const TEMPLATE_ID = '^[A-Za-z0-9_-]{1,128}$'

export const subscriptionsResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['topics'],
  properties: {
    topics: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['topic', 'templateId', 'remaining', 'enabled', 'keptChoice'],
        properties: {
          topic: { type: 'string', enum: [...SUBSCRIBE_TOPICS] },
          templateId: { type: 'string' },
          remaining: { type: 'integer', minimum: 0 },
          enabled: { type: 'boolean' },
          keptChoice: { type: ['string', 'null'], enum: [...KEPT_CHOICES, null] },
        },
      },
    },
  },
} as const

export const reportBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['results'],
  properties: {
    // One wx.requestSubscribeMessage call: 1 to 3 templates.
    results: {
      type: 'object',
      minProperties: 1,
      maxProperties: MAX_TEMPLATES_PER_REQUEST,
      propertyNames: { pattern: TEMPLATE_ID },
      additionalProperties: { type: 'string', enum: [...SUBSCRIBE_RESULTS] },
    },
    // wx.getSetting's itemSettings: one entry per template the user kept a choice for.
    keptChoices: {
      type: 'object',
      maxProperties: SUBSCRIBE_TOPICS.length,
      propertyNames: { pattern: TEMPLATE_ID },
      additionalProperties: { type: 'string', enum: [...KEPT_CHOICES] },
    },
  },
} as const

export const setTopicBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['enabled'],
  properties: { enabled: { type: 'boolean' } },
} as const

export const topicParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['topic'],
  properties: { topic: { type: 'string', enum: [...SUBSCRIBE_TOPICS] } },
} as const
