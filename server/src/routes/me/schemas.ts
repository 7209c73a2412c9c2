/** Schemas of GET /api/me (contract/me.ts is the TypeScript side). */
export const responseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['merchantName', 'merchantNo', 'userId', 'username', 'position', 'maskedPhone', 'permissions', 'terminals', 'accountManager'],
  properties: {
    merchantName: { type: 'string' },
    merchantNo: { type: 'string' },
    userId: { type: 'string' },
    username: { type: 'string' },
    position: { type: 'string' },
    maskedPhone: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
    terminals: { type: 'array', items: { type: 'string' }, description: "The merchant's terminal numbers, sorted" },
    accountManager: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['name', 'phone', 'email', 'wecomId', 'cardImage'],
      properties: {
        name: { type: 'string' },
        phone: { type: 'string' },
        email: { type: ['string', 'null'] },
        wecomId: { type: 'string' },
        cardImage: {
          type: 'string',
          pattern: '^data:image/png;base64,',
          description: 'WeCom contact QR code (PNG data URL, ~240 px) of https://work.weixin.qq.com/u/<wecomId>',
        },
      },
    },
  },
} as const
