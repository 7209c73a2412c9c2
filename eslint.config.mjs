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
const subpackageZones = subdirs('src/packages').map((name) => ({
  target: `./src/packages/${name}`,
  from: './src/packages',
  except: [`./${name}`],
  message: 'A subpackage cannot import another subpackage (WeChat forbids it).',
}))

const mainPackage = ['./src/pages', './src/features', './src/components', './src/api', './src/stores', './src/i18n', './src/utils', './src/app.ts', './src/routes.ts']

const zones = [
  ...featureZones,
  ...subpackageZones,
  { target: mainPackage, from: './src/packages', message: 'The main package never imports a subpackage.' },
  // One-way flow: pages → features → api/stores/components → utils/types.
  { target: ['./src/features', './src/components', './src/api', './src/stores', './src/utils', './src/i18n'], from: './src/pages', message: 'Only the app shell composes pages.' },
  { target: ['./src/components', './src/api', './src/stores', './src/utils', './src/i18n'], from: './src/features', message: 'Lower layers do not import features.' },
  { target: './src/utils', from: ['./src/api', './src/stores', './src/components', './src/i18n'], message: 'utils/ is the bottom layer.' },
  { target: './types', from: ['./src', './server'], message: 'types/ is the shared wire contract and imports nothing of ours.' },
  { target: './src', from: './server', message: 'The mini-program never imports server code.' },
  { target: './server', from: './src', message: 'The server never imports mini-program code.' },
  { target: './server/src/gateway', from: ['./server/src', './src', './types'], except: ['./gateway'], message: 'The gateway SDK imports nothing else of ours.' },
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
