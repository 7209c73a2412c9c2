/** `GET /api/me` (我的). Type-only module. */

export interface AccountManager {
  name: string
  phone: string
  /** The manager's e-mail (tap to copy); null when ODPM has none on record. */
  email: string | null
  wecomId: string
  /**
   * The manager's WeCom contact card: a `data:image/png;base64,…` QR code (~240 px, error correction M) of
   * `https://work.weixin.qq.com/u/<wecomId>`, so WeChat can recognise it on long-press.
   */
  cardImage: string
}

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
  /** The merchant's terminal numbers (终端号), sorted; for terminal pickers. */
  terminals: string[]
  /** 客户经理; null when none is assigned. */
  accountManager: AccountManager | null
}
