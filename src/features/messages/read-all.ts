/** 全部已读 with its confirmation, for the current kind filter (or every kind). */
import Taro from '@tarojs/taro'
import { markAllMessagesRead } from '@/api'
import { errorMessageKey } from '@/components/page-state'
import type { MessageKey } from '@/i18n/translate'
import type { MessageKind } from '@contract/messages'
import { KIND_LABEL } from './kinds'
import { useUnreadStore } from './unread-badge'

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** Resolves true when messages were marked read (the caller reloads its list). */
export async function confirmAndReadAll(kind: MessageKind | undefined, t: Translate): Promise<boolean> {
  const counts = useUnreadStore.getState().counts
  const unread = counts === null ? 0 : kind === undefined ? counts.total : counts.byKind[kind]
  if (unread === 0) {
    void Taro.showToast({ title: t('messages.readAll.none'), icon: 'none' })
    return false
  }
  const { confirm } = await Taro.showModal({
    title: t('messages.readAll.title'),
    content:
      kind === undefined
        ? t('messages.readAll.confirmAll', { count: unread })
        : t('messages.readAll.confirmKind', { count: unread, kind: t(KIND_LABEL[kind]) }),
    confirmText: t('messages.readAll.ok'),
    cancelText: t('messages.readAll.cancel'),
    confirmColor: '#0b5cff',
  })
  if (!confirm) return false
  try {
    const result = await markAllMessagesRead(kind === undefined ? {} : { kind })
    useUnreadStore.getState().setCounts(result.unread)
    void Taro.showToast({ title: t('messages.readAll.done'), icon: 'success' })
    return true
  } catch (error) {
    void Taro.showToast({ title: t(errorMessageKey(error)), icon: 'none' })
    return false
  }
}
