/**
 * Taro build configuration (weapp and H5). Outputs go to dist/<platform> so that both builds can coexist:
 * the server serves dist/h5, WeChat DevTools imports dist/weapp (see project.config.json).
 */
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * contract/ (imported as `@contract/…`) is the wire contract the server shares; besides types it holds the shared
 * vocabularies, the filter tables and the canonical signed request, which the bundles use at run time. Taro
 * compiles only src/ unless told.
 */
const SHARED_CONTRACT_DIR = path.resolve(__dirname, '..', 'contract')

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'oceanpayment-merchant-assistant',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // OP_DIST_DIR lets parallel work build into separate folders; everything else reads the same variable.
    outputRoot: `${process.env.OP_DIST_DIR ?? 'dist'}/${platform}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@contract': SHARED_CONTRACT_DIR,
    },
    plugins: [],
    defineConstants: {
      // Always defined, so the bundle never reads `process.env` at run time (a weapp has no `process`). H5 is
      // served by the assistant server itself (same origin: ''); a weapp must name the server's origin, by default
      // a local `npm start` on its default port (WeChat DevTools with domain checks off).
      'process.env.TARO_APP_API_BASE': JSON.stringify(
        process.env.TARO_APP_API_BASE ?? (platform === 'h5' ? '' : 'http://127.0.0.1:8080'),
      ),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // No persistent webpack cache: `npm start` already skips builds whose inputs did not change (scripts/build-stamp.ts),
    // and a stale cache is a class of bug we do not want in CI.
    cache: { enable: false },
    mini: {
      compile: { include: [SHARED_CONTRACT_DIR] },
      // As for H5 below: WeChat's package budgets are measured by tests/weapp, not by webpack's website hints.
      webpackChain(chain) {
        chain.performance.hints(false)
      },
      // Moves modules used only by subpackages out of the main package (WeChat's 2 MB per package limit).
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [SHARED_CONTRACT_DIR] },
      // webpack's 244 KiB hint is for websites on a slow first load; our budgets are WeChat's and are measured by
      // tests/weapp (package sizes) — the hint only printed two walls of warnings on every `npm start`.
      webpackChain(chain) {
        chain.performance.hints(false)
      },
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
