/** `GET /api/me` (我的). Type-only module. */

export interface MeResponse {
  /** 主账号名称 */
  merchantName: string
  /** 账户号 */
  merchantNo: string
  userId: string
  username: string
  position: string
  /** e.g. 138****8000 */
  maskedPhone: string
  permissions: string[]
  /** 客户经理; null when none is assigned. */
  accountManager: { name: string; phone: string; wecomId: string } | null
}
