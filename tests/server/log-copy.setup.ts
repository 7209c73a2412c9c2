/**
 * Setup file of the server test project: when SERVER_TEST_LOG_FILE is set (scripts/test-all.sh sets it), every
 * logger a test creates — captured in memory, silent-but-for-errors or the app's own default — also appends its
 * JSON lines to that file. scripts/check-log-redaction.ts then greps the whole run's logs for phones, tokens,
 * keys and card numbers (issue 12 item 3). Unset, loggers are untouched.
 */
import { appendFileSync } from 'node:fs'
import { vi } from 'vitest'

vi.mock('../../server/src/logging/logger', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/src/logging/logger')>()
  const file = process.env.SERVER_TEST_LOG_FILE
  if (file === undefined || file === '') return original
  return {
    ...original,
    createLogger(options: Parameters<typeof original.createLogger>[0]) {
      const inner = options.destination ?? { write: (line: string) => void process.stdout.write(line) }
      const destination = {
        write(line: string) {
          appendFileSync(file, line)
          return inner.write(line)
        },
      }
      return original.createLogger({ ...options, destination })
    },
  }
})
