/**
 * The invitation the login page was opened with (issue 15, docs/invitations.md): the mini-program code passes
 * `scene` = 'i=<token>' (URL-encoded by WeChat: the page reads decodeURIComponent(options.scene)), the URL link and
 * the H5 build `invitation=<token>`. The page shows what the invitation says and sends the token with the login; it
 * is not an authentication factor, and the normal login works whatever the invitation's state.
 */
import { useEffect, useState } from 'react'
import { fetchInvitation } from '@/api'
import { INVITATION_SCENE_PREFIX, MAX_SCENE_LENGTH, type InvitationPreview } from '@contract/invitations'

const TOKEN = /^[0-9A-Za-z]{20}$/

export interface OpenedInvitation {
  scene: string
  token: string
}

function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

/** The invitation named by the page's parameters; undefined when there is none or it is malformed. */
export function invitationFromParams(params: Record<string, string | undefined>): OpenedInvitation | undefined {
  const scene = params.scene === undefined ? undefined : decoded(params.scene)
  if (scene !== undefined) {
    if (scene.length > MAX_SCENE_LENGTH || !scene.startsWith(INVITATION_SCENE_PREFIX)) return undefined
    const token = scene.slice(INVITATION_SCENE_PREFIX.length)
    return TOKEN.test(token) ? { scene, token } : undefined
  }
  const token = params.invitation === undefined ? undefined : decoded(params.invitation)
  return token !== undefined && TOKEN.test(token) ? { scene: `${INVITATION_SCENE_PREFIX}${token}`, token } : undefined
}

/**
 * The invitation this run of the app was opened with. Kept beyond the page's own parameters because the app may
 * reLaunch the login page without them (H5: opening a login URL cold goes through the entry page, and the launch's
 * "no session → login" navigation carries no query); forgotten once a login succeeds.
 */
let opened: OpenedInvitation | undefined

export function openedInvitation(params: Record<string, string | undefined>): OpenedInvitation | undefined {
  const fromParams = invitationFromParams(params)
  if (fromParams !== undefined) opened = fromParams
  return fromParams ?? opened
}

export function forgetOpenedInvitation(): void {
  opened = undefined
}

/** What the server says of the invitation; null while asking, or when asking failed (the login works anyway). */
export function useInvitationPreview(invitation: OpenedInvitation | undefined): InvitationPreview | null {
  const [preview, setPreview] = useState<InvitationPreview | null>(null)
  const scene = invitation?.scene
  useEffect(() => {
    if (scene === undefined) return
    let live = true
    fetchInvitation(scene)
      .then((answer) => {
        if (live) setPreview(answer)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [scene])
  return preview
}
