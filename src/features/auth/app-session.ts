/**
 * The app shell's side of the session (SPEC §2): goes to login when the server says the session is dead or the
 * app stayed ten minutes in the background, and keeps the session alive with a heartbeat while the app is in the
 * foreground.
 *
 * The App component calls handleAppShow/handleAppHide from useDidShow/useDidHide. WeChat calls them when the
 * mini-program enters and leaves the foreground; Taro's H5 router calls the same hooks on the document's
 * `visibilitychange` (and once after the first render), so one code path serves both builds.
 */
import Taro from '@tarojs/taro'
import { heartbeat, logout, onSessionExpired } from '@/api'
import { ROUTES } from '@/routes'
import { useSession } from '@/stores/session'
import { afterEntryPage } from './after-entry-page'

/** Why the user lands on the login page: shown there ("your session expired…"). */
export type LeaveReason = 'expired'

/** The login page's query parameter that carries the reason. */
export const LEAVE_REASON_PARAM = 'reason'

/** A heartbeat at half the idle limit (at most every 4 minutes) keeps a foreground session alive. */
export function heartbeatIntervalMs(idleLimitSeconds: number): number {
  return Math.max(1_000, Math.min(240_000, (idleLimitSeconds * 1000) / 2))
}

let heartbeatTimer: ReturnType<typeof setInterval> | undefined
let wired = false
/**
 * When the reLaunch to login under way started: several requests failing at once must not stack navigations.
 * Trusted for a few seconds only, in case the platform never settles the navigation's promise.
 */
let leavingSince: number | null = null
const LEAVING_GRACE_MS = 3_000
const signOutListeners = new Set<() => void>()

/** Feature stores holding per-user data (unread counts…) clear themselves here, so the next user sees none of it. */
export function onSignOut(listener: () => void): () => void {
  signOutListeners.add(listener)
  return () => void signOutListeners.delete(listener)
}

/** Once, at launch: follow the API client's news of a dead session (it signs with the session store itself). */
export function wireSession(): void {
  if (wired) return
  wired = true
  // A session the server dropped is explained on the login page; a page reached without any session is not.
  onSessionExpired((cause) => endSession(cause === 'server' ? 'expired' : undefined))
}

/** App onShow (and launch): apply the ten-minute rule, then heartbeat while in the foreground. */
export function handleAppShow(now: number = Date.now()): void {
  const verdict = useSession.getState().markShown(now)
  if (verdict === 'expired') endSession('expired')
  else if (verdict === 'signed-out') endSession()
  else startHeartbeat()
}

/** App onHide: remember when, stop the heartbeat (the server's idle clock now runs). */
export function handleAppHide(now: number = Date.now()): void {
  useSession.getState().markHidden(now)
  stopHeartbeat()
}

/** Log out: tell the server (best effort: the local session ends whatever it answers), then go to login. */
export async function logOutAndLeave(): Promise<void> {
  stopHeartbeat()
  try {
    if (useSession.getState().isSignedIn()) await logout()
  } catch {
    // Already dead on the server, or offline: the local session ends either way.
  }
  endSession()
}

/** After a successful login (or on the login page with a live session): heartbeat and open the home tab. */
export function enterApp(): void {
  startHeartbeat()
  void Taro.switchTab({ url: ROUTES.home })
}

/** Ends the local session and shows the login page (unless it is already showing). */
function endSession(reason?: LeaveReason): void {
  stopHeartbeat()
  useSession.getState().signOut()
  // Always, not only when a token was there: the ten-minute rule has already dropped it by the time we get here.
  for (const listener of [...signOutListeners]) listener()
  const now = Date.now()
  if ((leavingSince !== null && now - leavingSince < LEAVING_GRACE_MS) || isOnLoginPage()) return
  leavingSince = now
  const url = reason === undefined ? ROUTES.login : `${ROUTES.login}?${LEAVE_REASON_PARAM}=${reason}`
  afterEntryPage(() => {
    leavingSince = Date.now() // the grace counts from the navigation itself, however long it waited
    Taro.reLaunch({ url })
      .catch(() => undefined)
      .finally(() => {
        leavingSince = null
      })
  })
}

function isOnLoginPage(): boolean {
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1] as { route?: string } | undefined
  return current?.route !== undefined && `/${current.route.replace(/^\//, '')}` === ROUTES.login
}

function startHeartbeat(): void {
  stopHeartbeat()
  const session = useSession.getState()
  if (!session.isSignedIn()) return
  heartbeatTimer = setInterval(() => {
    // A dead session reaches endSession through the client's onSessionExpired; other failures wait for the next beat.
    heartbeat().catch(() => undefined)
  }, heartbeatIntervalMs(session.idleLimitSeconds))
}

function stopHeartbeat(): void {
  if (heartbeatTimer !== undefined) clearInterval(heartbeatTimer)
  heartbeatTimer = undefined
}
