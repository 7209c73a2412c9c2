import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fetchMe } from '@/api'
import { PageState } from '@/components/page-state'
import { useRemote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import { ROUTES } from '@/routes'
import { ACTION_PERMISSION } from '@contract/actions'
import { useSession } from '@/stores/session'
import { AccountCard } from './account-card'
import { accountFacts } from './account-facts'
import { ContactCard } from './contact-card'
import { LanguageSwitch } from './language-switch'
import { LogoutButton } from './logout-button'
import { SecuritySheet } from './security-sheet'
import './me-view.scss'

/** The permissions of the tools subpackage (contract ACTION_PERMISSION of order-query, card-bin, health-check). */
const TOOL_PERMISSIONS: readonly string[] = [ACTION_PERMISSION['order-query'], ACTION_PERMISSION['card-bin'], ACTION_PERMISSION['health-check']]

/**
 * 我的 (SPEC §3.3): account, contacts, security, language, log out. `settings`: rows of other features' settings
 * (消息提醒), handed in by the page since features do not import each other.
 */
export function MeView({ onLogout, settings }: { onLogout: () => Promise<void>; settings?: ReactNode }) {
  const t = useT()
  const me = useRemote(fetchMe, [])
  const profile = useSession((state) => state.profile)
  const facts = accountFacts(me.data, profile)
  const [securityOpen, setSecurityOpen] = useState(false)
  // 工具 is shown only to an account that holds one of its permissions (the server checks each call again).
  const tools = (me.data?.permissions ?? []).some((permission) => TOOL_PERMISSIONS.includes(permission))
  return (
    <View className='me'>
      {facts !== undefined ? (
        <AccountCard facts={facts} />
      ) : (
        <View className='card'>
          <PageState status={me.status} error={me.error} onRetry={() => void me.reload()} />
        </View>
      )}
      <View className='card'>
        <View className='row' data-testid='security-settings' onClick={() => setSecurityOpen(true)}>
          <Text className='row__label me__entry'>{t('me.security')}</Text>
          <Text className='me__chevron'>›</Text>
        </View>
        {settings}
        {tools ? (
          <View className='row' data-testid='me-tools' onClick={() => void Taro.navigateTo({ url: ROUTES.tools })}>
            <Text className='row__label me__entry'>{t('me.tools')}</Text>
            <Text className='me__chevron'>›</Text>
          </View>
        ) : null}
        <Text className='note me__note'>{t('me.editOnPc')}</Text>
      </View>
      <ContactCard me={me} />
      <View className='card'>
        <View className='row'>
          <Text className='row__label'>{t('me.language')}</Text>
          <LanguageSwitch />
        </View>
      </View>
      <LogoutButton onLogout={onLogout} />
      {securityOpen ? <SecuritySheet onClose={() => setSecurityOpen(false)} /> : null}
    </View>
  )
}
