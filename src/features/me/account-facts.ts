/** What the account card shows, from whichever source has it: pure, so it is tested without rendering. */
import type { SessionProfile } from '@contract/auth'
import type { MeResponse } from '@contract/me'

export interface AccountFacts {
  merchantName: string
  merchantNo: string
  username: string
  position: string
  maskedPhone: string
}

/** /api/me when it has answered (fresher), else the login's profile, so the card never waits for the network. */
export function accountFacts(me: MeResponse | undefined, profile: SessionProfile | null): AccountFacts | undefined {
  if (me !== undefined) return me
  if (profile === null) return undefined
  return {
    merchantName: profile.merchantName,
    merchantNo: profile.merchantAccount,
    username: profile.username,
    position: profile.position,
    maskedPhone: profile.phone,
  }
}
