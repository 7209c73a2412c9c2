import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import type { AccountFacts } from './account-facts'

/** 主账号名称, 账户号, 用户名 (岗位), the bound phone (masked). */
export function AccountCard({ facts }: { facts: AccountFacts }) {
  const t = useT()
  return (
    <View className='card' data-testid='me-account'>
      <View className='card__title'>{t('me.account')}</View>
      <View className='row'>
        <Text className='row__label'>{t('me.merchantName')}</Text>
        <Text className='row__value'>{facts.merchantName}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>{t('me.merchantNo')}</Text>
        <Text className='row__value'>{facts.merchantNo}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>{t('me.username')}</Text>
        <Text className='row__value'>
          {facts.username}
          {facts.position !== '' ? <Text className='me__position'>{` · ${facts.position}`}</Text> : null}
        </Text>
      </View>
      <View className='row'>
        <Text className='row__label'>{t('me.phone')}</Text>
        <Text className='row__value'>{facts.maskedPhone}</Text>
      </View>
    </View>
  )
}
