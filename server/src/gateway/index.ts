/**
 * The Oceanpayment order-management SDK. Self-contained: it imports only node built-ins and fast-xml-parser, so it
 * could be published on its own. The server's services use `createGatewayClient`; the sandbox uses the same
 * tables (OPERATIONS, RESULT_CODES), validator, signer and XML builder, so both sides agree by construction.
 */
export * from './operations'
export * from './validate'
export * from './signature'
export * from './xml'
export * from './result-codes'
export * from './errors'
export * from './retry'
export * from './transport'
export * from './client-types'
export * from './response'
export * from './client'
