import { ToolsScreen } from '@/features/tools/tools-screen'
import { usePageTitle } from '@/hooks/use-page-title'

/** 工具 (order lookup, card BIN, site health check), opened from 我的 by staff who hold the permissions. */
export default function ToolsPage() {
  usePageTitle('me.tools')
  return <ToolsScreen />
}
