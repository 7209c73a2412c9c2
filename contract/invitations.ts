/**
 * The mini-program code and URL link that bring staff in (issue 15, seed 000: staff enter by scanning the
 * mini-program's code). An invitation names a merchant, and optionally one account; its code opens the login page
 * with `scene` = INVITATION_SCENE_PREFIX + the invitation's token. It is NOT an authentication factor: the phone
 * bound to the account still is. It expires, and is used up by the first successful login through it.
 */

/** WeChat's limit for getwxacodeunlimit's scene: 32 visible characters. */
export const MAX_SCENE_LENGTH = 32

/** scene = 'i=' + token (token: 20 characters of [0-9A-Za-z]), well under MAX_SCENE_LENGTH. */
export const INVITATION_SCENE_PREFIX = 'i='

/** How long an invitation stays valid. */
export const INVITATION_TTL_DAYS = 7

export const INVITATION_STATES = ['valid', 'used', 'expired', 'unknown'] as const

export type InvitationState = (typeof INVITATION_STATES)[number]

/** `POST /admin/api/merchants/{account}/invitations` body: accountId names one account (optional). */
export interface CreateInvitationRequest {
  accountId?: string
}

/** An invitation as the admin page shows it. */
export interface AdminInvitation {
  id: string
  merchantAccount: string
  /** The account it was made for, or null for "anyone of this merchant". */
  accountId: string | null
  username: string | null
  scene: string
  /** ISO 8601, UTC. */
  createdAt: string
  expiresAt: string
  usedAt: string | null
  state: InvitationState
  /**
   * `GET /admin/api/merchants/{account}/invitations/{id}/wxacode` answers the code as image/png (from WeChat's
   * getwxacodeunlimit, page pages/login/index); this is that path, for an <img> and a download link.
   */
  wxacodePath: string
  /** WeChat's URL link (generate_urllink) for SMS, opening the same page with the same query; null until made. */
  urlLink: string | null
  urlLinkExpiresAt: string | null
}

/** `GET /admin/api/merchants/{account}/invitations` */
export interface AdminInvitationsResponse {
  items: AdminInvitation[]
}

/**
 * `GET /api/auth/invitation?scene=…` (no session; rate-limited): what the login page may prefill and say. Never a
 * phone number beyond the masked form, never anything of another merchant.
 */
export interface InvitationPreview {
  state: InvitationState
  /** Present only while state is 'valid'. */
  merchantName: string | null
  merchantAccount: string | null
  username: string | null
  /** e.g. "138****8000": which WeChat phone to pick in the sheet. */
  maskedPhone: string | null
}
