/**
 * Who is logged in, persisted so a relaunch within the time limit needs no new login: the session token, the
 * request-signing key and the profile, plus when the app went to the background (the ten-minute rule, SPEC §2).
 * Nothing else is persisted; where it is kept depends on the platform (session-storage.ts). The store is pure state and clock arithmetic; the app shell (src/app.ts with
 * features/auth) wires it to WeChat's lifecycle, the heartbeat and navigation.
 */
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { LoginResponse } from '@contract/auth'
import {
  SESSION_STORAGE_KEY,
  SESSION_STORAGE_VERSION,
  SIGNED_OUT,
  backgroundExpired,
  sessionFrom,
  type PersistedSession,
} from './session-persistence'
import { sessionStorageFor } from './session-storage'

export {
  DEFAULT_IDLE_LIMIT_SECONDS,
  SESSION_STORAGE_KEY,
  backgroundExpired,
  persistedSessionValue,
  type PersistedSession,
} from './session-persistence'

export type ShowVerdict = 'active' | 'expired' | 'signed-out'

export interface SessionState extends PersistedSession {
  signIn: (login: LoginResponse) => void
  signOut: () => void
  /** onHide: remember when. */
  markHidden: (now: number) => void
  /** onShow (and launch): 'expired' after idleLimit or more in the background (and the session is dropped). */
  markShown: (now: number) => ShowVerdict
  isSignedIn: () => boolean
}

export const useSession = create<SessionState>()(
  persist(
    (set, get) => ({
      ...SIGNED_OUT,
      signIn: (login) => set(sessionFrom(login)),
      signOut: () => set(SIGNED_OUT),
      markHidden: (now) => {
        if (get().token !== null) set({ hiddenAt: now })
      },
      markShown: (now) => {
        const { token, hiddenAt, idleLimitSeconds } = get()
        if (token === null) return 'signed-out'
        if (hiddenAt !== null && backgroundExpired(now - hiddenAt, idleLimitSeconds)) {
          set(SIGNED_OUT)
          return 'expired'
        }
        if (hiddenAt !== null) set({ hiddenAt: null })
        return 'active'
      },
      isSignedIn: () => get().token !== null && get().signingKey !== null,
    }),
    {
      name: SESSION_STORAGE_KEY,
      version: SESSION_STORAGE_VERSION,
      // weapp: Taro storage; H5: the tab's sessionStorage (session-storage.ts says why).
      storage: createJSONStorage(() => sessionStorageFor(process.env.TARO_ENV)),
      partialize: ({ token, signingKey, profile, idleLimitSeconds, hiddenAt }) => ({
        token,
        signingKey,
        profile,
        idleLimitSeconds,
        hiddenAt,
      }),
      // A session persisted by another version is not trusted: log in again.
      migrate: () => SIGNED_OUT,
    },
  ),
)
