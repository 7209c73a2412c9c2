/**
 * Runs the real server (`node --import tsx server/src/main.ts`) as a child process for the multi-process tests,
 * waits for its "server ready at" log line, keeps everything it writes, and stops it with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface ServerProcess {
  /** Where it listens, from its own "server ready at" line, e.g. http://127.0.0.1:41234. */
  url: string
  /** How many migrations this process applied at start (from the same line). */
  migrationsApplied: number
  /** The server's process id (the load bench reads its memory from /proc). */
  pid: number | undefined
  /** Everything written to stdout and stderr so far. */
  output(): string
  stop(): Promise<void>
}

const root = resolve(__dirname, '../../..')

/** Variables of the test runner's environment that would change the server's configuration. */
const CONFIG_PREFIXES = ['OCEANPAYMENT_', 'WECHAT_', 'SESSION_', 'ADMIN_', 'DEMO_', 'GAP_FILL_', 'SANDBOX_', 'H5_']

function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!CONFIG_PREFIXES.some((prefix) => name.startsWith(prefix))) env[name] = value
  }
  return { ...env, ...overrides }
}

interface ReadyLine {
  msg?: unknown
  url?: unknown
  migrationsApplied?: unknown
}

function readyLine(line: string): { url: string; migrationsApplied: number } | undefined {
  let parsed: ReadyLine
  try {
    parsed = JSON.parse(line) as ReadyLine
  } catch {
    return undefined
  }
  const { msg, url, migrationsApplied } = parsed
  return typeof msg === 'string' && msg.startsWith('server ready at ') && typeof url === 'string' && typeof migrationsApplied === 'number'
    ? { url, migrationsApplied }
    : undefined
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolvePromise) => {
    // main.ts gives itself 10 s to shut down; past 15 s something is stuck and the test must not hang on it.
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolvePromise()
    })
    child.kill('SIGTERM')
  })
}

/**
 * @param env  the server's variables (DATABASE_URL, ADMIN_TOKEN…); HOST, PORT, DATA_DIR and H5_DIR are set here
 * @param readyWithinMs  how long start-up may take before it counts as failed (the error carries the output)
 */
export async function startServerProcess(env: Record<string, string>, readyWithinMs: number): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'op-multi-process-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: childEnvironment({
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      H5_DIR: join(dataDir, 'no-h5-build'),
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  const output = (): string => `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`
  const stop = async (): Promise<void> => {
    await stopChild(child)
    rmSync(dataDir, { recursive: true, force: true })
  }

  const ready = await new Promise<{ url: string; migrationsApplied: number }>((resolvePromise, reject) => {
    let pending = ''
    const timer = setTimeout(
      () => reject(new Error(`server process did not become ready within ${readyWithinMs} ms\n${output()}`)),
      readyWithinMs,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      stdout += text
      pending += text
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const found = readyLine(line)
        if (found !== undefined) {
          clearTimeout(timer)
          resolvePromise(found)
        }
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`server process exited (code ${code}, signal ${signal}) before it was ready\n${output()}`))
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  }).catch(async (error: unknown) => {
    await stop()
    throw error
  })

  return { ...ready, pid: child.pid, output, stop }
}
