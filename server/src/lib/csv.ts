/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote, CR or LF quoted, quotes doubled), made
 * safe to open in a spreadsheet: a cell that starts with =, +, -, @, tab or CR would be run as a formula (OWASP "CSV
 * injection"), so it is prefixed with a single quote. Our own numbers are never negative here, so no value of ours
 * is changed by that rule; a user-typed text (a refund reason, a tracking handler) is.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return ''
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: ReadonlyArray<string | number | boolean | null>): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
