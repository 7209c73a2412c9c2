import { Image, Text, View } from '@tarojs/components'
import type { AccountManager } from '@contract/me'
import { useT } from '@/hooks/use-t'
import './wecom-card.scss'

/**
 * The account manager's WeCom card, like the one in the seed: name, company and the QR code. showMenuByLongpress
 * lets WeChat offer "识别图中二维码" on long-press, which is how a merchant adds the manager on WeCom.
 */
export function WecomCard({ manager }: { manager: AccountManager }) {
  const t = useT()
  return (
    <View className='wecom-card' data-testid='wecom-card'>
      <View className='wecom-card__head'>
        <View className='wecom-card__avatar'>
          <Text>{manager.name.slice(0, 1)}</Text>
        </View>
        <View className='wecom-card__who'>
          <Text className='wecom-card__name'>{manager.name}</Text>
          <Text className='wecom-card__company'>{t('me.managerCompany')}</Text>
        </View>
      </View>
      <Image
        className='wecom-card__qr'
        data-testid='wecom-card-image'
        src={manager.cardImage}
        mode='aspectFit'
        showMenuByLongpress
      />
      <Text className='wecom-card__hint'>{t('me.wecomHint')}</Text>
    </View>
  )
}
