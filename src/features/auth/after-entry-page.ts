/**
 * Runs a navigation once the app's entry page has loaded. In weapp the platform orders navigations itself, so
 * it runs at once; H5 has its own file (after-entry-page.h5.ts) for a race in Taro's H5 router.
 */
export function afterEntryPage(navigate: () => void): void {
  navigate()
}
