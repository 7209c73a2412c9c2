/** Sums vitest's JSON reports into one closing line: "Tests: N passed, N failed, N skipped". */
import fs from 'node:fs'
import path from 'node:path'

interface VitestJsonReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}

const dir = process.argv[2] ?? 'test-results'
const totals = { passed: 0, failed: 0, skipped: 0 }
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as VitestJsonReport
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + report.numTodoTests
  console.log(`  ${path.basename(file, '.json').padEnd(10)} ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`)
}
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0)
