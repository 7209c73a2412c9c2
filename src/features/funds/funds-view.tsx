import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { CurrencyFunds, FundsResponse } from '@contract/funds'
import { fetchFunds } from '@/api'
import { MoneyText } from '@/components/money-text'
import { PageState } from '@/components/page-state'
import { useRemote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import { formatBeijing } from '@/utils/dates'
import { isNegative } from '@/utils/money'
import { fundsSections, pickCurrency, SETTLEMENT_METHOD_LABEL } from './funds-sections'
import './funds-view.scss'

/**
 * 账户资金明细 per currency: a chip per currency (negatives flagged) and one currency's figures at a time, so the
 * twelve currencies stay readable on a phone and the page stays far below the WXML node budget.
 */
export function FundsView() {
  const funds = useRemote(fetchFunds, [])
  return (
    <PageState
      status={funds.status}
      error={funds.error}
      empty={funds.data?.currencies.length === 0}
      onRetry={() => void funds.reload()}
    >
      {funds.data !== undefined ? <FundsBody funds={funds.data} /> : null}
    </PageState>
  )
}

function FundsBody({ funds }: { funds: FundsResponse }) {
  const t = useT()
  const [chosen, setChosen] = useState<string>()
  const current = pickCurrency(funds.currencies, chosen)
  if (current === undefined) return null
  return (
    <View className='funds'>
      <View className='funds__as-of'>
        <Text className='funds__as-of-time fits-whole'>{t('funds.asOf', { time: formatBeijing(funds.asOf) })}</Text>
        <Text className='funds__as-of-note'>{t('funds.delayNote')}</Text>
      </View>
      <View className='funds__chips'>
        {funds.currencies.map((c) => (
          <View
            key={c.currency}
            data-testid={`funds-currency-${c.currency}`}
            className={`funds__chip ${c.currency === current.currency ? 'funds__chip--active' : ''} ${hasNegative(c) ? 'funds__chip--negative' : ''}`}
            onClick={() => setChosen(c.currency)}
          >
            <Text>{c.currency}</Text>
          </View>
        ))}
      </View>
      <CurrencyCard funds={current} />
    </View>
  )
}

function CurrencyCard({ funds }: { funds: CurrencyFunds }) {
  const t = useT()
  return (
    <View className='card funds__card' data-testid='funds-card'>
      <View className='funds__currency'>
        <Text className='funds__currency-code fits-whole'>{funds.currency}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>{t('funds.settlementMethod')}</Text>
        <Text className='row__value' data-testid='funds-method'>{t(SETTLEMENT_METHOD_LABEL[funds.settlementMethod])}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>{t('funds.period')}</Text>
        <Text className='row__value fits-whole'>{funds.period}</Text>
      </View>
      {fundsSections(funds).map((section) => (
        <View key={section.id} className='funds__section'>
          <Text className='funds__section-title'>{t(section.title)}</Text>
          {section.lines.map((line) => (
            <View key={line.id} className={`row funds__line ${line.total ? 'funds__line--total' : ''}`} data-testid={`funds-${line.id}`}>
              <Text className='row__label'>{t(line.label)}</Text>
              <MoneyText money={line.money} className='row__value funds__amount' />
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

function hasNegative(funds: CurrencyFunds): boolean {
  return fundsSections(funds).some((section) => section.lines.some((line) => isNegative(line.money)))
}
