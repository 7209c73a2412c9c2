/** The demo data: what the rest of the server and the scripts use. */
export {
  DEFAULT_DEMO_SEED,
  DEFAULT_DEMO_SIZE,
  DEMO_ACCOUNTS,
  DemoDataPresentError,
  ensureDemoData,
  loadDemoData,
  type LoadDemoDataOptions,
  type LoadDemoDataResult,
} from './load-demo-data'
export { resetDemoData } from './reset-demo-data'
