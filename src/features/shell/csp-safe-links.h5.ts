/**
 * Taro's H5 tab bar draws each tab as `<a href="javascript:;">` and switches tabs in its click handler. Following
 * that href is running a javascript: URL, which the page's Content-Security-Policy (script-src 'self', no
 * 'unsafe-inline': server/src/plugins/security-headers.ts) rightly refuses — with a console error on every tab
 * tap. The link's own navigation is never wanted, so it is cancelled before the browser follows it; the click still
 * reaches Taro's handler (only the default action is prevented, not the event).
 */
export function keepLinksCspSafe(): void {
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (link !== null && /^\s*javascript:/i.test(link.getAttribute('href') ?? '')) event.preventDefault()
    },
    true,
  )
}
