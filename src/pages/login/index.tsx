import { LoginScreen } from '@/features/auth/login-screen'
import { useNoHomeButton } from '@/features/shell/use-no-home-button'
import { usePageTitle } from '@/hooks/use-page-title'

/** Login: one tap with the phone number bound to the user's WeChat (the H5 build: the sandbox phone sheet). */
export default function LoginPage() {
  usePageTitle('login.title')
  useNoHomeButton()
  return <LoginScreen />
}
