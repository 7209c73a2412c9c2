// Lint: TypeScript rules everywhere, plus the import boundaries of ARCHITECTURE.md as errors.
import fs from 'node:fs'
import path from 'node:path'
import importPlugin from 'eslint-plugin-import'
import tseslint from 'typescript-eslint'

const root = import.meta.dirname
const subdirs = (dir) =>
  fs.existsSync(path.join(root, dir))
    ? fs.readdirSync(path.join(root, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : []

// Features never import each other: each feature may import only itself from src/features.
const featureZones = subdirs('src/features').map((name) => ({
  target: `./src/features/${name}`,
  from: './src/features',
  except: [`./${name}`],
  message: 'Features do not import each other; move shared code to components/, stores/, api/ or utils/.',
}))

// Subpackages never import each other (WeChat forbids it).
const subpackageZones = subdirs('src/subpackages').map((name) => ({
  target: `./src/subpackages/${name}`,
  from: './src/subpackages',
  except: [`./${name}`],
  message: 'A subpackage cannot import another subpackage (WeChat forbids it).',
}))

const mainPackage = ['./src/pages', './src/features', './src/components', './src/api', './src/stores', './src/i18n', './src/utils', './src/app.ts', './src/routes.ts']

// Server layers (docs/architecture.md). Everything of server/src but start-up and the stand-ins themselves is the
// production path, which never imports a development stand-in; scripts/admin.ts is a production tool too.
const serverEntries = (dir) =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).map((d) => `./${dir}/${d.name}`)
const productionPath = [
  ...serverEntries('server/src').filter((entry) => !/\/(dev|startup)$/.test(entry)),
  './scripts/admin.ts',
]
const serverZones = [
  { target: productionPath, from: './server/src/dev', message: 'Stand-ins: only start-up (server/src/startup) loads server/src/dev; the production path never imports it.' },
  { target: './server/src/repositories', from: './server/src', except: ['./repositories', './db'], message: 'Repositories hold the SQL and import only db/ (and the contract types).' },
  { target: './server/src/db', from: './server/src', except: ['./db', './paths.ts', './config'], message: 'db/ is the bottom layer: connection and migrations only.' },
  { target: './server/src/services', from: ['./server/src/routes', './server/src/plugins', './server/src/startup', './server/src/app.ts', './server/src/main.ts'], message: 'Services are use-cases: they never import routes, plugins or start-up.' },
  { target: './server/src/routes', from: ['./server/src/repositories', './server/src/startup'], message: 'Routes call services (or auth/notifications), never repositories: no SQL behind a route.' },
  { target: ['./server/src/auth', './server/src/services', './server/src/notifications', './server/src/repositories', './server/src/wechat', './server/src/outbound'], from: './server/src/routes', message: 'Lower server layers never import a route.' },
]

const zones = [
  ...featureZones,
  ...subpackageZones,
  { target: mainPackage, from: './src/subpackages', message: 'The main package never imports a subpackage.' },
  // One-way flow: pages → features → api/stores/components → utils/types.
  { target: ['./src/features', './src/components', './src/api', './src/stores', './src/utils', './src/i18n'], from: './src/pages', message: 'Only the app shell composes pages.' },
  { target: ['./src/components', './src/api', './src/stores', './src/utils', './src/i18n'], from: './src/features', message: 'Lower layers do not import features.' },
  { target: './src/utils', from: ['./src/api', './src/stores', './src/components', './src/i18n'], message: 'utils/ is the bottom layer.' },
  { target: './contract', from: ['./src', './server'], message: 'contract/ is the shared wire contract and imports nothing of ours.' },
  { target: './src', from: './server', message: 'The mini-program never imports server code.' },
  { target: './server', from: './src', message: 'The server never imports mini-program code.' },
  { target: './server/src/gateway', from: ['./server/src', './src', './contract'], except: ['./gateway'], message: 'The gateway SDK imports nothing else of ours.' },
  ...serverZones,
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'babel.config.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { typescript: { noWarnOnMultipleProjects: true, project: ['./tsconfig.json', './server/tsconfig.json'] }, node: true },
    },
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Taro's compile-time globals in route and page config files.
    files: ['src/**/*.config.ts'],
    languageOptions: { globals: { defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
  },
)
