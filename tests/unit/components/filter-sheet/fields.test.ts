/** The filter sheets' fields (sheetFieldsOf over the filter tables of contract/): what each sheet shows, in its order. */
import { describe, expect, it } from 'vitest'
import type { FilterField } from '@/components/filter-sheet/fields'
import { settlementSheetFields } from '@/features/settlements/sheet-fields'
import { transactionSheetFields } from '@/features/transactions/sheet-fields'
import { translate, type MessageKey } from '@/i18n/translate'

const zh = (key: MessageKey) => translate('zh-CN', key)

/** A field as one line: kind, key, label, then its options' labels or its text limits. */
function summary(field: FilterField): string {
  if (field.kind === 'options') return `${field.key} ${field.label}${field.required ? ' (required)' : ''}: ${field.options.map((o) => o.label).join(',')}`
  if (field.kind === 'text') return `${field.key} ${field.label} text ≤${field.maxLength}${field.placeholder ? ` "${field.placeholder}"` : ''}`
  return field.kind
}

describe('the transactions sheet', () => {
  it('shows the advanced filters of SPEC §3.1 item 3, labelled, with the merchant terminals', () => {
    expect(transactionSheetFields(zh, ['14010588', '14010589']).map(summary)).toEqual([
      'timeType 时间类型 (required): 交易时间,划款时间,记账时间',
      `batchNo 划款批次号 text ≤64 "${zh('filterSheet.placeholder')}"`,
      'currency 交易币种: SEK,JPY,HKD,DKK,USD,CAD,CNY,EUR,GBP,NOK,AUD,SGD',
      'bookingCurrency 记账币种: SEK,JPY,HKD,DKK,USD,CAD,CNY,EUR,GBP,NOK,AUD,SGD',
      `txnType 交易类型: ${zh('tx.txnType.sale')},${zh('tx.txnType.authorization')}`,
      'cardBrand 卡种: Visa,MasterCard,JCB,American Express,Discover,UnionPay,Diners Club,Maestro',
      `tracking 是否上传物流单号: ${zh('tx.tracking.uploaded')},${zh('tx.tracking.missing')}`,
      `delivery 妥投状态: ${['pending', 'in_transit', 'delivered', 'exception'].map((v) => zh(`tx.delivery.${v}` as MessageKey)).join(',')}`,
      'fundsStatus 交易划款: 未划款,已划款',
      'depositStatus 保证金划款: 未划款,已划款',
      `terminal ${zh('tx.field.terminal')}: 14010588,14010589`,
      // Beyond the seed's list, after it: 交易状态 (issue 11: 金额统计 follows it).
      'status 交易状态: 成功,失败,处理中',
    ])
  })

  it('keeps option values as the API takes them', () => {
    const tracking = transactionSheetFields(zh, []).find((field) => field.kind === 'options' && field.key === 'tracking')
    expect(tracking?.kind === 'options' && tracking.options.map((o) => o.value)).toEqual(['uploaded', 'missing'])
  })
})

describe('the settlements sheet', () => {
  it('shows 划款批次号, 时间类型, 币种, 划款类型 in that order', () => {
    expect(settlementSheetFields(zh).map(summary)).toEqual([
      'batchNo 划款批次号 text ≤64',
      `timeType 时间类型: ${zh('st.timeType.created')},${zh('st.timeType.settled')}`,
      'currency 币种: SEK,JPY,HKD,DKK,USD,CAD,CNY,EUR,GBP,NOK,AUD,SGD',
      `batchType 划款类型: ${zh('st.batchType.transaction')},${zh('st.batchType.deposit')}`,
    ])
  })
})
