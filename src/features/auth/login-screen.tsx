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
import './login-screen.scss'

export function LoginScreen() {
  const t = useT()
  const { params } = useRouter()
  const flow = useLogin()

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
