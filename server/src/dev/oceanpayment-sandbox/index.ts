/**
 * The built-in Oceanpayment sandbox: the order-management API with Oceanpayment's paths, parameter rules,
 * signatures and XML answers, over a stateful order book in the server's store (README: "Oceanpayment sandbox").
 */
export { oceanpaymentSandbox, type OceanpaymentSandboxOptions } from './plugin'
export { seedSandbox, importSandboxOrders, generateTerminalHistory, type SeedOptions, type SeedResult, type SandboxOrderImport } from './seed'
export { raiseCase, type RaisedCase } from './raise-case'
export { settleDueRefunds } from './settlement'
export { CASE_NOTICE_TYPES, type CaseNoticeType } from './store/cases'
export { CASE_ANSWER_DAYS, NOTIFICATION_ROOT } from './notices'
export { DEFAULT_RETRY_DELAYS_MS } from './notifier'
