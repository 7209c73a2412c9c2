/**
 * 工具 (SPEC §4): order lookup (live Order Status Query, ≤ 100 order numbers), card BIN check (≤ 100) and the site
 * health check, each card shown only with its permission and each input checked as the server checks it before
 * anything is sent.
 */
import { useState, type ReactNode } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { fetchMe, isApiClientError } from '@/api'
import { PageState } from '@/components/page-state'
import { useRemote } from '@/hooks/use-remote'
import { useWords, type Words } from '@/hooks/use-words'
import { TOOL_WORDS, type ToolWord } from '@/i18n/features/tools'
import { formatMoney } from '@/utils/money'
import { ACTION_PERMISSION, type CardBinRow, type HealthCheckResponse, type OrderLookupRow } from '@contract/actions'
import { toolsApi } from './api'
import { checkBins, checkOrderNumbers, checkSite, MAX_BINS, MAX_ORDER_NUMBERS, type ListCheck } from './inputs'
import './tools.scss'

type ToolsApi = Pick<typeof toolsApi, 'lookupOrders' | 'checkCardBins' | 'checkSiteHealth'>

export function ToolsScreen({ endpoints = toolsApi }: { endpoints?: ToolsApi }) {
  const w = useWords(TOOL_WORDS)
  const me = useRemote(fetchMe, [])
  const permissions = me.data?.permissions ?? []
  const may = (kind: 'order-query' | 'card-bin' | 'health-check') => permissions.includes(ACTION_PERMISSION[kind])
  return (
    <View className='page tools'>
      <PageState status={me.status} error={me.error} onRetry={() => void me.reload()}>
        {may('order-query') ? <OrderLookup w={w} endpoints={endpoints} /> : null}
        {may('card-bin') ? <BinCheck w={w} endpoints={endpoints} /> : null}
        {may('health-check') ? <HealthCheck w={w} endpoints={endpoints} /> : null}
        {me.data !== undefined && !may('order-query') && !may('card-bin') && !may('health-check') ? (
          <View className='card'>
            <Text className='note' data-testid='tools-none'>
              {w('tools.noPermission')}
            </Text>
          </View>
        ) : null}
      </PageState>
    </View>
  )
}

interface ToolProps {
  w: Words<ToolWord>
  endpoints: ToolsApi
}

/** A tool's call: busy while it runs, its answer or the error's code. */
function useToolCall<T>() {
  const [state, setState] = useState<{ busy: boolean; data: T | null; error: string | null }>({ busy: false, data: null, error: null })
  const run = (call: () => Promise<T>) => {
    setState({ busy: true, data: null, error: null })
    call().then(
      (data) => setState({ busy: false, data, error: null }),
      (error: unknown) => setState({ busy: false, data: null, error: isApiClientError(error) ? error.code : 'NETWORK' }),
    )
  }
  return { ...state, run }
}

function listProblem(w: Words<ToolWord>, check: ListCheck, max: number): string | null {
  if (check.ok) return null
  if (check.problem === 'empty') return w('tools.problem.empty')
  if (check.problem === 'too-many') return w('tools.problem.too-many', { max, count: check.count })
  return w(`tools.problem.${check.problem}`, { bad: check.bad.slice(0, 3).join(', ') })
}

function ToolCard(props: { title: string; hint: string; testId: string; children: ReactNode }) {
  return (
    <View className='card tools__card' data-testid={props.testId}>
      <View className='card__title'>{props.title}</View>
      <Text className='note'>{props.hint}</Text>
      {props.children}
    </View>
  )
}

function OrderLookup({ w, endpoints }: ToolProps) {
  const [text, setText] = useState('')
  const [touched, setTouched] = useState(false)
  const call = useToolCall<OrderLookupRow[]>()
  const check = checkOrderNumbers(text)
  const problem = touched ? listProblem(w, check, MAX_ORDER_NUMBERS) : null
  const submit = () => {
    setTouched(true)
    if (check.ok) call.run(() => endpoints.lookupOrders({ orderNumbers: check.values }).then((answer) => answer.orders))
  }
  return (
    <ToolCard title={w('tools.orders.title')} hint={w('tools.orders.hint')} testId='tools-orders'>
      <Textarea className='tools__textarea' value={text} maxlength={-1} onInput={(event) => setText(event.detail.value)} data-testid='tools-orders-input' />
      <SubmitLine w={w} busy={call.busy} count={check.ok ? check.values.length : null} problem={problem} error={call.error} onSubmit={submit} testId='tools-orders' />
      {call.data?.map((order) => (
        <View key={order.orderNumber} className='tools__result' data-testid={`tools-order-${order.orderNumber}`}>
          <View className='tools__result-head'>
            <Text className='tools__result-id fits-whole'>{order.orderNumber}</Text>
            <Text className={`tools__status tools__status--${order.status}`}>{w(`tools.order.status.${order.status}`)}</Text>
          </View>
          <Fact label={w('tools.order.paymentId')} value={order.paymentId} w={w} />
          <Fact label={w('tools.order.amount')} value={order.amount === null ? null : formatMoney(order.amount)} w={w} money />
          <Fact label={w('tools.order.details')} value={order.details} w={w} />
        </View>
      ))}
    </ToolCard>
  )
}

function BinCheck({ w, endpoints }: ToolProps) {
  const [text, setText] = useState('')
  const [touched, setTouched] = useState(false)
  const call = useToolCall<CardBinRow[]>()
  const check = checkBins(text)
  const problem = touched ? listProblem(w, check, MAX_BINS) : null
  const submit = () => {
    setTouched(true)
    if (check.ok) call.run(() => endpoints.checkCardBins({ bins: check.values }).then((answer) => answer.bins))
  }
  return (
    <ToolCard title={w('tools.bins.title')} hint={w('tools.bins.hint')} testId='tools-bins'>
      <Textarea className='tools__textarea' value={text} maxlength={-1} onInput={(event) => setText(event.detail.value)} data-testid='tools-bins-input' />
      <SubmitLine w={w} busy={call.busy} count={check.ok ? check.values.length : null} problem={problem} error={call.error} onSubmit={submit} testId='tools-bins' />
      {call.data?.map((row) => (
        <View key={row.bin} className='tools__result' data-testid={`tools-bin-${row.bin}`}>
          <Text className='tools__result-id fits-whole'>{row.bin}</Text>
          <Fact label={w('tools.bin.brand')} value={row.brand} w={w} />
          <Fact label={w('tools.bin.type')} value={row.type} w={w} />
          <Fact label={w('tools.bin.level')} value={row.level} w={w} />
          <Fact label={w('tools.bin.country')} value={row.country} w={w} />
          <Fact label={w('tools.bin.issuer')} value={row.issuer} w={w} />
        </View>
      ))}
    </ToolCard>
  )
}

function HealthCheck({ w, endpoints }: ToolProps) {
  const [text, setText] = useState('')
  const [touched, setTouched] = useState(false)
  const call = useToolCall<HealthCheckResponse>()
  const check = checkSite(text)
  const problem = touched && !check.ok ? w(`tools.problem.site.${check.problem}`) : null
  const submit = () => {
    setTouched(true)
    if (check.ok) call.run(() => endpoints.checkSiteHealth({ site: check.site }))
  }
  const result = call.data
  return (
    <ToolCard title={w('tools.health.title')} hint={w('tools.health.hint')} testId='tools-health'>
      <Input className='tools__input' value={text} maxlength={500} onInput={(event) => setText(event.detail.value)} data-testid='tools-health-input' />
      <SubmitLine w={w} busy={call.busy} count={null} problem={problem} error={call.error} onSubmit={submit} testId='tools-health' />
      {result !== null ? (
        <View className='tools__result' data-testid='tools-health-result'>
          <Text className='tools__result-id fits-whole'>{result.site}</Text>
          <Fact label={w('tools.health.result')} value={result.result} w={w} />
          <Fact label={w('tools.health.details')} value={result.details} w={w} />
          <Fact label={w('tools.health.siteStatus')} value={result.siteStatus} w={w} />
          <Fact label={w('tools.health.keyStatus')} value={result.keyStatus} w={w} />
        </View>
      ) : null}
    </ToolCard>
  )
}

interface SubmitLineProps {
  w: Words<ToolWord>
  busy: boolean
  count: number | null
  problem: string | null
  error: string | null
  onSubmit: () => void
  testId: string
}

function SubmitLine({ w, busy, count, problem, error, onSubmit, testId }: SubmitLineProps) {
  return (
    <View>
      {problem !== null ? (
        <Text className='tools__problem' data-testid={`${testId}-problem`}>
          {problem}
        </Text>
      ) : null}
      {error !== null ? (
        <Text className='tools__problem' data-testid={`${testId}-error`}>
          {w('tools.error', { code: error })}
        </Text>
      ) : null}
      <View className='tools__submit-line'>
        {count !== null ? <Text className='note'>{w('tools.count', { count })}</Text> : <View />}
        <Button className='tools__submit' size='mini' disabled={busy} onClick={onSubmit} data-testid={`${testId}-submit`}>
          {busy ? w('tools.checking') : w('tools.submit')}
        </Button>
      </View>
    </View>
  )
}

function Fact({ label, value, w, money = false }: { label: string; value: string | null; w: Words<ToolWord>; money?: boolean }) {
  return (
    <View className='row'>
      <Text className='row__label'>{label}</Text>
      <Text className={`row__value${money ? ' money-text' : ''}`}>{value === null || value === '' ? w('tools.none') : value}</Text>
    </View>
  )
}
