import { Button, Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import './security-sheet.scss'

/** 安全设置: what protects the account, and who can change the binding (nothing is editable here). */
export function SecuritySheet({ onClose }: { onClose: () => void }) {
  const t = useT()
  return (
    <View className='sheet' data-testid='security-sheet'>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <Text className='sheet__title'>{t('me.security.title')}</Text>
        {(['me.security.login', 'me.security.idle', 'me.security.binding'] as const).map((key) => (
          <View key={key} className='sheet__item'>
            <View className='sheet__dot' />
            <Text className='sheet__text'>{t(key)}</Text>
          </View>
        ))}
        <Button className='sheet__close' data-testid='security-close' onClick={onClose}>
          {t('me.security.close')}
        </Button>
      </View>
    </View>
  )
}
