/**
 * The login flow behind the page: fresh WeChat codes → POST /api/auth/login → session store → home. When the
 * phone has accounts at several merchants the server answers 409 with the list; the user picks one and the login
 * is redone with fresh codes (WeChat's codes are single-use) plus the chosen merchant account.
 */
import { useCallback, useRef, useState } from 'react'
import { isApiClientError, login, type MerchantChoice } from '@/api'
import { useSession } from '@/stores/session'
import { enterApp } from './app-session'
import { DECLINED, loginErrorMessage, type LoginMessage } from './login-messages'
import { forgetOpenedInvitation } from './invitation'

export interface WechatCodes {
  loginCode: string
  phoneCode: string
}

/**
 * Produces a fresh pair of single-use codes once the user has shared the phone: in weapp the phone button's code
 * plus Taro.login(); in H5 the WeChat emulator's dev endpoints.
 */
export type CodesSource = () => Promise<WechatCodes>

export type LoginStep = { name: 'start' } | { name: 'pick'; merchants: readonly MerchantChoice[] }

export interface LoginFlow {
  step: LoginStep
  busy: boolean
  message: LoginMessage | null
  /** The user shared the phone: log in (to `merchantAccount` when they picked one). */
  submit: (codes: CodesSource, merchantAccount?: string) => Promise<void>
  /** The user declined WeChat's phone dialog, or WeChat has no phone. */
  decline: () => void
  /** Leave the merchant choice. */
  back: () => void
}

/** `invitation`: the token the app was opened with (contract/auth.ts); sent with every try, never required. */
export function useLogin(invitation?: string): LoginFlow {
  const [step, setStep] = useState<LoginStep>({ name: 'start' })
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<LoginMessage | null>(null)
  // A ref as well as state: a second tap can arrive before React re-renders the disabled button.
  const inFlight = useRef(false)

  const submit = useCallback(async (codes: CodesSource, merchantAccount?: string) => {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    setMessage(null)
    try {
      const pair = await codes()
      const answer = await login({
        ...pair,
        ...(merchantAccount === undefined ? {} : { merchantAccount }),
        ...(invitation === undefined ? {} : { invitation }),
      })
      useSession.getState().signIn(answer)
      forgetOpenedInvitation()
      enterApp()
    } catch (error) {
      if (isApiClientError(error) && error.code === 'CONFLICT' && error.merchants !== undefined) {
        setStep({ name: 'pick', merchants: error.merchants })
      } else {
        setMessage(loginErrorMessage(error))
      }
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }, [invitation])

  const decline = useCallback(() => setMessage(DECLINED), [])
  const back = useCallback(() => {
    setStep({ name: 'start' })
    setMessage(null)
  }, [])

  return { step, busy, message, submit, decline, back }
}
