import { useRouter } from '@tarojs/taro'
import { TransactionsScreen } from '@/features/transactions/transactions-screen'
import { usePageTitle } from '@/hooks/use-page-title'

/** 交易明细 (SPEC §3.1 item 3); opened plain or with a preset filter in its URL (home to-dos, settlement batches). */
export default function TransactionsPage() {
  usePageTitle('transactions.title')
  const { params } = useRouter()
  return <TransactionsScreen params={params} />
}
