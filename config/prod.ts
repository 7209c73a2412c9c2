import type { UserConfigExport } from '@tarojs/cli'

/** Production builds (`npm run build:*`, used by `npm start` and the tests): minified. */
export default {
  logger: { quiet: true, stats: false },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
