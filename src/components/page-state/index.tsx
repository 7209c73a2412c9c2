import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { isApiClientError } from '@/api'
import { useT } from '@/hooks/use-t'
import type { MessageKey } from '@/i18n/translate'
import './index.scss'

export interface PageStateProps {
  status: 'loading' | 'error' | 'ready'
  error?: unknown
  /** When ready: show the SPEC's empty state instead of the children. */
  empty?: boolean
  /** Passed to the empty state: where filters are set, its "清除筛选" button. */
  onClearFilters?: () => void
  onRetry?: () => void
  children?: ReactNode
}

/** Loading, error with retry, empty, or the content: the four states every page has (SPEC §3). */
export function PageState({ status, error, empty = false, onClearFilters, onRetry, children }: PageStateProps) {
  const t = useT()
  if (status === 'loading') {
    return (
      <View className='page-state page-state--loading' data-testid='state-loading'>
        <View className='page-state__spinner' />
        <Text className='page-state__text'>{t('state.loading')}</Text>
      </View>
    )
  }
  if (status === 'error') {
    return (
      <View className='page-state page-state--error' data-testid='state-error'>
        <Text className='page-state__title'>{t('state.error.title')}</Text>
        <Text className='page-state__text'>{t(errorMessageKey(error))}</Text>
        {isApiClientError(error) && error.requestId !== undefined ? (
          <Text className='page-state__meta'>{t('error.requestId', { id: error.requestId })}</Text>
        ) : null}
        {onRetry ? (
          <Button className='page-state__retry' size='mini' onClick={onRetry} data-testid='state-retry'>
            {t('state.retry')}
          </Button>
        ) : null}
      </View>
    )
  }
  if (empty) return <EmptyState onClearFilters={onClearFilters} />
  return <>{children}</>
}

/** The i18n key that explains an error to a merchant. */
export function errorMessageKey(error: unknown): MessageKey {
  return isApiClientError(error) ? `error.${error.kind}` : 'error.server'
}
