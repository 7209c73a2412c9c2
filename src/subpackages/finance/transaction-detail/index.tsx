import { useRouter } from '@tarojs/taro'
import { TransactionDetailScreen } from '@/features/transactions/transaction-detail-screen'
import { usePageTitle } from '@/hooks/use-page-title'

/** 交易详情 (`?paymentId=…`), opened from the transactions list or a message. */
export default function TransactionDetailPage() {
  usePageTitle('txd.title')
  const { params } = useRouter()
  return <TransactionDetailScreen paymentId={params.paymentId} />
}
