/**
 * The login page's content (SPEC §2): brand, one-tap login with the WeChat phone, the 管理号码 hint, the
 * ten-minute note, a clear message when the login does not go through, and the merchant choice for a phone that
 * has accounts at several merchants.
 */
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useT } from '@/hooks/use-t'
import { useSession } from '@/stores/session'
import { enterApp, LEAVE_REASON_PARAM } from './app-session'
import { OneTapButton } from './one-tap-button'
import { useLogin } from './use-login'
import { openedInvitation, useInvitationPreview } from './invitation'
import type { InvitationPreview } from '@contract/invitations'
import './login-screen.scss'

export function LoginScreen() {
  const t = useT()
  const { params } = useRouter()
  const invitation = openedInvitation(params)
  const preview = useInvitationPreview(invitation)
  // A used or expired invitation is not sent: the login is then an ordinary one, as it would be anyway.
  const flow = useLogin(preview?.state === 'valid' ? invitation?.token : undefined)

  // Sent here with a live session (a stale redirect, the back button in H5): nothing to do on this page.
  useDidShow(() => {
    if (useSession.getState().isSignedIn()) enterApp()
  })

  const expired = params[LEAVE_REASON_PARAM] === 'expired' && flow.message === null && !flow.busy

  return (
    <View className='login'>
      <View className='login__hero'>
        <View className='login__logo'>
          <Text className='login__logo-mark'>OP</Text>
        </View>
        <Text className='login__name'>{t('app.name')}</Text>
        <Text className='login__slogan'>{t('app.slogan')}</Text>
      </View>

      <View className='login__card'>
        {expired ? (
          <Text className='login__notice' data-testid='login-expired'>
            {t('login.expired')}
          </Text>
        ) : null}
        {preview !== null ? <InvitationNote preview={preview} /> : null}
        {flow.message !== null ? (
          <Text className='login__error' data-testid='login-message'>
            {t(flow.message.key, flow.message.params)}
          </Text>
        ) : null}

        {flow.step.name === 'start' ? (
          <OneTapButton
            className='login__button'
            label={flow.busy ? t('login.busy') : t('login.oneTap')}
            busy={flow.busy}
            testId='login-one-tap'
            onCodes={(codes) => void flow.submit(codes)}
            onDeclined={flow.decline}
          />
        ) : (
          <View className='login__pick' data-testid='login-pick'>
            <Text className='login__pick-title'>{t('login.pick.title')}</Text>
            <Text className='login__pick-hint'>{t('login.pick.hint')}</Text>
            {flow.step.merchants.map((merchant) => (
              <OneTapButton
                key={merchant.account}
                className='login__merchant'
                label={
                  <View className='login__merchant-body'>
                    <Text className='login__merchant-name'>{merchant.name}</Text>
                    <Text className='login__merchant-account'>{t('login.pick.account', { account: merchant.account })}</Text>
                  </View>
                }
                busy={flow.busy}
                testId={`login-merchant-${merchant.account}`}
                onCodes={(codes) => void flow.submit(codes, merchant.account)}
                onDeclined={flow.decline}
              />
            ))}
            <Text className='login__back' onClick={flow.back} data-testid='login-pick-back'>
              {t('login.pick.back')}
            </Text>
          </View>
        )}

        <Text className='login__hint'>{t('login.hint')}</Text>
      </View>

      <Text className='login__note'>{t('login.idleNote')}</Text>
    </View>
  )
}

/** What the invitation says: whose it is and which phone to pick; or that it is used or expired. */
function InvitationNote({ preview }: { preview: InvitationPreview }) {
  const t = useT()
  if (preview.state !== 'valid') {
    return (
      <Text className='login__notice' data-testid='login-invitation'>
        {t(preview.state === 'used' ? 'login.invitation.used' : preview.state === 'expired' ? 'login.invitation.expired' : 'login.invitation.unknown')}
      </Text>
    )
  }
  return (
    <View className='login__invitation' data-testid='login-invitation'>
      <Text className='login__invitation-title'>
        {t('login.invitation.valid', { merchant: preview.merchantName ?? '', account: preview.merchantAccount ?? '' })}
      </Text>
      {preview.username !== null ? (
        <Text className='login__invitation-hint'>{t('login.invitation.user', { name: preview.username })}</Text>
      ) : null}
      <Text className='login__invitation-hint' data-testid='login-invitation-phone'>
        {preview.maskedPhone !== null ? t('login.invitation.phone', { phone: preview.maskedPhone }) : t('login.invitation.anyPhone')}
      </Text>
    </View>
  )
}
