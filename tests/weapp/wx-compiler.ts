/**
 * Runs WeChat's official WXML (wcc) and WXSS (wcsc) compilers, shipped as Linux binaries by `miniprogram-compiler`,
 * over a whole mini-program directory, and turns their output into file:line:column issues.
 *
 * We call the package's internal wcc/wcsc modules instead of its `wxmlToJs`/`wxssToJs`: `wxssToJs` swallows a
 * compile error (wcsc returns an Error object that it then dereferences, throwing an unrelated TypeError), and
 * neither lets us keep the stderr text. The package is pinned at 0.2.x, whose internals are these two files.
 */
import { accessSync, chmodSync, constants } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { listFiles } from './build-info'

const require = createRequire(import.meta.url)

type Wcc = (root: string, files: string[], wxsFiles: string[], options: { maxBuffer?: number }) => string
type Wcsc = (root: string, files: string[], options: { maxBuffer?: number }) => Record<string, string> | Error

/** Generous: wcc prints the compiled JS of every template on stdout, and Node's 1 MiB default cuts big builds off. */
const MAX_BUFFER = 64 * 1024 * 1024

export interface CompileIssue {
  tool: 'wcc' | 'wcsc'
  /** As the compiler names it, relative to the compiled directory. */
  file: string
  line: number | null
  column: number | null
  message: string
}

export interface CompileResult {
  wxml: string[]
  wxs: string[]
  wxss: string[]
  issues: CompileIssue[]
  /** Pages (paths without extension) whose .wxml did not come out of wcc as a render function. */
  missingTemplates: string[]
}

/**
 * Compiles every .wxml/.wxs and every .wxss under dir. `pages` (paths without extension) are additionally
 * checked to have a render function in wcc's output, i.e. that the compiler really took them in.
 */
export function compileMiniProgram(dir: string, pages: readonly string[] = []): CompileResult {
  const files = listFiles(dir).filter((file) => !file.startsWith('node_modules/'))
  const wxml = files.filter((file) => file.endsWith('.wxml'))
  const wxs = files.filter((file) => file.endsWith('.wxs'))
  const wxss = files.filter((file) => file.endsWith('.wxss'))
  const issues: CompileIssue[] = []
  let missingTemplates: string[] = []

  if (wxml.length > 0) {
    const outcome = runWcc(dir, wxml, wxs)
    if (typeof outcome === 'string') missingTemplates = pagesWithoutTemplate(outcome, pages)
    else issues.push(...outcome)
  }
  // wcsc fails when handed no file at all, and a build without styles is legitimate.
  if (wxss.length > 0) issues.push(...runWcsc(dir, wxss))

  return { wxml, wxs, wxss, issues, missingTemplates }
}

function runWcc(dir: string, wxml: string[], wxs: string[]): string | CompileIssue[] {
  ensureExecutable('wcc')
  const wcc = require('miniprogram-compiler/src/wcc') as Wcc
  try {
    // wcc wants the .wxml paths without extension; it reads each page's .json for usingComponents itself.
    return wcc(dir, wxml.map((file) => file.slice(0, -'.wxml'.length)), wxs, { maxBuffer: MAX_BUFFER })
  } catch (error) {
    return parseWccError(error instanceof Error ? error.message : String(error))
  }
}

function runWcsc(dir: string, wxss: string[]): CompileIssue[] {
  ensureExecutable('wcsc')
  const wcsc = require('miniprogram-compiler/src/wcsc') as Wcsc
  const outcome = wcsc(dir, wxss.map((file) => file.slice(0, -'.wxss'.length)), { maxBuffer: MAX_BUFFER })
  return outcome instanceof Error ? parseWcscError(outcome.message) : []
}

/** wcc: "编译 .wxml 文件错误：index.wxml:3:2: end tag missing, near `view`" (it stops at the first error). */
export function parseWccError(text: string): CompileIssue[] {
  const body = stripPrefix(text)
  const issues = body
    .split('\n')
    .map((line) => /^(.+?\.(?:wxml|wxs)):(\d+):(\d+):\s*(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      tool: 'wcc' as const,
      file: match[1],
      line: Number(match[2]),
      column: Number(match[3]),
      message: match[4],
    }))
  return issues.length > 0 ? issues : [{ tool: 'wcc', file: '(unknown)', line: null, column: null, message: body }]
}

/** wcsc: "ERR: index.wxss(2:5): unexpected `{` at pos 24". */
export function parseWcscError(text: string): CompileIssue[] {
  const body = stripPrefix(text)
  const issues = [...body.matchAll(/ERR:\s*(.+?\.wxss)\((\d+):(\d+)\):\s*([^\n]*)/g)].map((match) => ({
    tool: 'wcsc' as const,
    file: match[1],
    line: Number(match[2]),
    column: Number(match[3]),
    message: match[4].trim(),
  }))
  return issues.length > 0 ? issues : [{ tool: 'wcsc', file: '(unknown)', line: null, column: null, message: body }]
}

function stripPrefix(text: string): string {
  // The package prefixes stderr with a Chinese "compile error:" label ending in a full-width colon.
  const index = text.indexOf('：')
  return (index >= 0 ? text.slice(index + 1) : text).trim()
}

/**
 * Evaluates wcc's output (it expects a browser-like `window`; an empty object is enough to define templates)
 * and asks it for each page's render function.
 */
function pagesWithoutTemplate(compiled: string, pages: readonly string[]): string[] {
  if (pages.length === 0) return []
  const factory = new Function('window', `${compiled}\n;return $gwx;`) as (window: object) => (file: string) => unknown
  const gwx = factory({})
  return pages.filter((page) => typeof gwx(`${page}.wxml`) !== 'function')
}

/**
 * npm ships the Linux binaries with mode 644; the package chmods them on first use but ignores failure,
 * which would surface later as a bare EACCES. Check here so the message says what to do.
 */
function ensureExecutable(tool: 'wcc' | 'wcsc'): void {
  if (process.platform === 'win32') return
  const folder = process.platform === 'darwin' ? 'mac' : 'linux'
  const binary = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', folder, tool)
  try {
    accessSync(binary, constants.X_OK)
  } catch {
    try {
      chmodSync(binary, 0o755)
    } catch (error) {
      throw new Error(`${binary} is not executable and chmod failed (${String(error)}); run: chmod +x ${binary}`)
    }
  }
}
