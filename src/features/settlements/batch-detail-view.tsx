/**
 * One settlement batch (`GET /api/settlements/:batchNo`): every figure, the rule that ties them, then its rows —
 * transactions at their booked amounts, chargebacks, released reserve, all in the batch currency, whose sums are
 * the figures; the first page comes with the batch, later ones from `GET /api/settlements/:batchNo/rows` — and a
 * link to the transactions list filtered by the batch and its currency as booking currency.
 */
import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ApiClientError, fetchSettlement, fetchSettlementRows, isApiClientError } from '@/api'
import { PageState } from '@/components/page-state'
import { VirtualList } from '@/components/virtual-list'
import { useRemote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import type { MessageKey } from '@/i18n/translate'
import { ROUTES } from '@/routes'
import { formatBeijing } from '@/utils/dates'
import { formatMoney, isNegative } from '@/utils/money'
import { transactionsQueryString } from '@/utils/transactions-filter-url'
import type { Money } from '@contract/money'
import type { SettlementDetail, SettlementRow } from '@contract/settlements'
import { batchTransactionsFilter } from './batch-rows'
import { BATCH_TX_ROW_HEIGHT, BatchTransactionRow } from './batch-transaction-row'
import { BATCH_TYPE_LABEL, STATUS_LABEL } from './labels'
import { ListFooter } from '@/components/list-footer'
import { periodLabel } from './query'
import { useMorePages } from '@/hooks/use-more-pages'
import './settlements.scss'

function loadBatch(batchNo: string): Promise<SettlementDetail> {
  if (batchNo === '') {
    return Promise.reject(new ApiClientError({ kind: 'validation', code: 'NOT_FOUND', status: 404, message: 'no batch number' }))
  }
  return fetchSettlement(batchNo)
}

const AMOUNTS: ReadonlyArray<{ key: 'gross' | 'fee' | 'refund' | 'chargeback' | 'deposit'; label: MessageKey }> = [
  { key: 'gross', label: 'st.gross' },
  { key: 'fee', label: 'st.fee' },
  { key: 'refund', label: 'st.refund' },
  { key: 'chargeback', label: 'st.chargeback' },
  { key: 'deposit', label: 'st.deposit' },
]

function MoneyValue({ money, strong = false, testId }: { money: Money; strong?: boolean; testId?: string }) {
  const className = `row__value st-money${strong ? ' st-money--strong' : ''}${isNegative(money) ? ' st-money--negative' : ''}`
  return (
    <Text className={className} data-testid={testId}>
      {formatMoney(money)}
    </Text>
  )
}

export function BatchDetailView({ batchNo }: { batchNo: string }) {
  const t = useT()
  const remote = useRemote(() => loadBatch(batchNo), [batchNo])
  const batch = remote.data
  const more = useMorePages<SettlementRow>(batch?.rows, (cursor) => fetchSettlementRows(batchNo, { cursor }))
  const { items } = more
  const openTransaction = useCallback(
    (paymentId: string) => void Taro.navigateTo({ url: `${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(paymentId)}` }),
    [],
  )

  if (remote.status === 'error' && isApiClientError(remote.error) && remote.error.code === 'NOT_FOUND') {
    return (
      <View className='card st-missing' data-testid='st-not-found'>
        <Text className='note'>{t('st.detail.notFound')}</Text>
        <Button className='st-missing__back' size='mini' onClick={() => void Taro.navigateBack()}>
          {t('st.detail.back')}
        </Button>
      </View>
    )
  }

  const row = (label: MessageKey, value: string, testId?: string) => (
    <View className='row'>
      <Text className='row__label'>{t(label)}</Text>
      <Text className='row__value' data-testid={testId}>
        {value}
      </Text>
    </View>
  )
  const rowTotal = batch?.rows.total?.count

  return (
    <PageState status={remote.status} error={remote.error} onRetry={() => void remote.reload()}>
      {batch === undefined ? null : (
        <View className='st-detail' data-testid='st-detail'>
          <View className='card'>
            <View className='st-detail__head'>
              <Text className='st-detail__batch'>{batch.batchNo}</Text>
              <Text className={`st-chip st-chip--${batch.status}`}>{t(STATUS_LABEL[batch.status])}</Text>
            </View>
            <View className='st-detail__net'>
              <Text className='st-detail__net-label'>{t('st.net')}</Text>
              <MoneyValue money={batch.net} strong testId='st-detail-net' />
            </View>
          </View>
          <View className='card'>
            <View className='card__title'>{t('st.detail.batch')}</View>
            {row('st.detail.type', t(BATCH_TYPE_LABEL[batch.batchType]))}
            {row('st.detail.currency', batch.currency)}
            {row('st.period', periodLabel(batch))}
            {row('st.txnCount', String(batch.txnCount), 'st-detail-count')}
            {row('st.createdAt', formatBeijing(batch.createdAt))}
            {row('st.settledAt', batch.settledAt === null ? t('st.notSettled') : formatBeijing(batch.settledAt))}
          </View>
          <View className='card'>
            <View className='card__title'>{t('st.detail.amounts')}</View>
            {AMOUNTS.map(({ key, label }) => (
              <View key={key} className='row'>
                <Text className='row__label'>{t(label)}</Text>
                <MoneyValue money={batch[key]} testId={`st-detail-${key}`} />
              </View>
            ))}
            <View className='row'>
              <Text className='row__label'>{t('st.net')}</Text>
              <MoneyValue money={batch.net} strong />
            </View>
          </View>
          <View className='card st-detail__txs'>
            <View className='st-detail__txs-head'>
              <Text className='card__title'>
                {rowTotal === undefined ? t('st.detail.rows') : t('st.detail.rowsCount', { count: rowTotal })}
              </Text>
              <Text
                className='link st-detail__view-all'
                data-testid='st-view-transactions'
                onClick={() => void Taro.navigateTo({ url: `${ROUTES.transactions}${transactionsQueryString(batchTransactionsFilter(batch))}` })}
              >
                {`${t('st.detail.viewInTransactions')} ›`}
              </Text>
            </View>
            <Text className='note st-detail__formula' data-testid='st-detail-formula'>
              {t(batch.batchType === 'deposit' ? 'st.detail.formula.deposit' : 'st.detail.formula.transaction', { currency: batch.currency })}
            </Text>
            {items.length === 0 ? (
              <Text className='note'>{t('st.detail.noTransactions')}</Text>
            ) : (
              <VirtualList
                id='st-tx-list'
                count={items.length}
                rowHeight={BATCH_TX_ROW_HEIGHT}
                rowKey={(index) => `${items[index].kind}:${items[index].paymentId}:${items[index].time}`}
                renderRow={(index) => <BatchTransactionRow item={items[index]} onOpen={openTransaction} />}
                layoutKey={batch.batchNo}
              />
            )}
          </View>
          {items.length === 0 ? null : (
            <ListFooter more={more} testId='st-tx-load-more' />
          )}
        </View>
      )}
    </PageState>
  )
}
