/** Strings shared by every page: request errors by kind, list paging. Both languages side by side. */
const zh = {
  'error.session-expired': '登录已过期，请重新登录',
  'error.signature': '请求校验失败，请重新登录',
  'error.validation': '请求内容有误，请检查后再试',
  'error.rate-limited': '操作过于频繁，请稍后再试',
  'error.network': '网络连接失败，请检查网络后重试',
  'error.server': '服务暂时不可用，请稍后重试',
  'error.requestId': '请求编号 {id}',
  'list.loadingMore': '正在加载更多…',
  'list.noMore': '没有更多了',
  'list.loadMore': '加载更多',
  // Joins the items of a list shown in one line: Chinese 、, English a comma.
  'list.separator': '、',
  'notFound.title': '页面不存在',
  'notFound.hint': '您打开的链接没有对应的页面，可能已失效或输入有误。',
  'notFound.home': '返回首页',
  'shell.packageOffline': '网络不可用，页面加载失败，请联网后重试',
} as const

export const commonZhCN = zh
export const commonEnUS: Record<keyof typeof zh, string> = {
  'error.session-expired': 'Your session has expired. Please log in again.',
  'error.signature': 'The request could not be verified. Please log in again.',
  'error.validation': 'The request was not accepted. Please check it and try again.',
  'error.rate-limited': 'Too many attempts. Please try again later.',
  'error.network': 'No network connection. Check your network and try again.',
  'error.server': 'The service is temporarily unavailable. Please try again later.',
  'error.requestId': 'Request ID {id}',
  'list.loadingMore': 'Loading more…',
  'list.noMore': 'No more records',
  'list.loadMore': 'Load more',
  'list.separator': ', ',
  'notFound.title': 'Page not found',
  'notFound.hint': 'There is no page at this link. It may have expired or been mistyped.',
  'notFound.home': 'Back to home',
  'shell.packageOffline': 'No network: the page could not be loaded. Try again once online.',
}
