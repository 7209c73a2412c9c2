import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import { useT } from '@/hooks/use-t'

/**
 * 退出登录 after a confirmation. The logging out itself comes from the page (the auth feature's
 * `logOutAndLeave`), because features do not import each other.
 */
export function LogoutButton({ onLogout }: { onLogout: () => Promise<void> }) {
  const t = useT()
  const confirm = async () => {
    const answer = await Taro.showModal({
      title: t('me.logout.confirmTitle'),
      content: t('me.logout.confirmContent'),
      confirmText: t('me.logout.confirm'),
      cancelText: t('me.logout.cancel'),
      confirmColor: '#e5484d',
    })
    if (answer.confirm) await onLogout()
  }
  return (
    <Button className='me__logout' data-testid='logout' onClick={() => void confirm()}>
      {t('me.logout')}
    </Button>
  )
}
