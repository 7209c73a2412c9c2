/**
 * H5 twin of after-entry-page.ts. At launch without a session the app reLaunches to login while Taro's H5
 * router is still loading the entry page (home); the router unloads that page before its DOM exists, the page
 * then finishes loading on top of the login page, and the user sees an empty home under a login URL (about one
 * cold start in ten here). So a navigation waits until some page has settled (`taro_page_stationed`, which the
 * entry page gets as soon as it has loaded); after launch that is already true and it runs at once.
 */
const POLL_MS = 30
/** Never hold a navigation longer than this, whatever the DOM says. */
const GIVE_UP_MS = 3_000

function somePageSettled(): boolean {
  return document.querySelector('.taro_page.taro_page_stationed') !== null
}

export function afterEntryPage(navigate: () => void): void {
  if (somePageSettled()) {
    navigate()
    return
  }
  const started = Date.now()
  const poll = (): void => {
    if (somePageSettled() || Date.now() - started >= GIVE_UP_MS) navigate()
    else setTimeout(poll, POLL_MS)
  }
  setTimeout(poll, POLL_MS)
}
