/**
 * Wire contract of the ODPM admin API for mini-program accounts (SPEC §2), shared by the server, the admin page's
 * documentation and the mini-program (which shows an account's permissions). The permission list is the one
 * runtime value here: the server validates against it and the mini-program may label it; both read it from here.
 */

/** What an administrator may allow an account to do from the phone (SPEC §4). Fixed: new ones need a release. */
export const ACCOUNT_PERMISSIONS = [
  'capture',
  'void',
  'refund',
  'tracking',
  'order-query',
  'card-bin',
  'health-check',
] as const

export type AccountPermission = (typeof ACCOUNT_PERMISSIONS)[number]

/** SPEC §2: at most this many mini-program accounts per merchant account number (enforced by the database). */
export const MAX_ACCOUNTS_PER_MERCHANT = 10

/** A mini-program account as the admin API shows it. The administrator sees the full phone number. */
export interface MiniProgramAccount {
  /** UUID. */
  id: string
  /** Oceanpayment account number (商户号), 6 digits. */
  merchantAccount: string
  /** Mainland numbers as 11 digits ("13800138000"); others with their country code ("+85212345678"). */
  phone: string
  username: string
  /** 岗位名称; may be empty. */
  position: string
  enabled: boolean
  permissions: AccountPermission[]
  /** ISO 8601, UTC. */
  createdAt: string
  updatedAt: string
}

/** `POST /admin/api/merchants/{account}/users` */
export interface CreateAccountRequest {
  phone: string
  username: string
  position?: string
  /** Default true. */
  enabled?: boolean
  /** Default none. */
  permissions?: AccountPermission[]
}

/** `PATCH /admin/api/merchants/{account}/users/{id}`: any non-empty subset of the fields. */
export type UpdateAccountRequest = Partial<Required<CreateAccountRequest>>

/** `GET /admin/api/merchants` */
export interface AdminMerchant {
  account: string
  name: string
  /** How many of the MAX_ACCOUNTS_PER_MERCHANT slots are used. */
  accounts: number
}

/**
 * What the account list (`GET /admin/api/merchants/{account}/users`) adds to each account for acting from the phone
 * (contract/actions.ts): whether its action PIN is set or locked (the admin resets it with `POST …/users/{id}/pin-reset`)
 * and its daily refund limits per currency (`PUT …/users/{id}/refund-limits`, none: no limit).
 */
export interface AdminAccountActions {
  actionPin: { set: boolean; locked: boolean }
  refundLimits: { currency: string; amount: string }[]
}
