/**
 * Turns an answer's XML into a result, or into the reason it cannot be trusted: wrong shape, a bad or missing
 * signature, or a result code other than success. Pure (no I/O), so the client decides separately what to do
 * with each outcome.
 */
import type { GatewayResult } from './client-types'
import { OPERATIONS, type OperationName } from './operations'
import { lookupResultCode, type ResultCode } from './result-codes'
import { signResponse, verifySignature } from './signature'
import { parseXml, XmlError, type XmlElement, type XmlValue } from './xml'

export type Interpretation =
  | { readonly outcome: 'ok'; readonly result: GatewayResult }
  | { readonly outcome: 'malformed'; readonly message: string }
  | { readonly outcome: 'bad-signature'; readonly message: string }
  | { readonly outcome: 'rejected'; readonly entry: ResultCode; readonly details: string }

interface Signer {
  readonly account: string
  readonly terminal: string
  readonly secureCode: string
}

function isElement(value: XmlValue | undefined): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Text of a child element; '' when absent or not text. */
function text(element: XmlElement, name: string): string {
  const value = element[name]
  return typeof value === 'string' ? value : ''
}

function pick(element: XmlElement, names: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {}
  for (const name of names) row[name] = text(element, name)
  return row
}

function asList(value: XmlValue | undefined): XmlElement[] {
  if (value === undefined || value === '') return []
  const items = Array.isArray(value) ? value : [value]
  return items.filter(isElement)
}

function signatureMatches(signer: Signer, fields: readonly string[], element: XmlElement): boolean {
  const expected = signResponse(signer, fields, pick(element, fields), signer.secureCode)
  return verifySignature(expected, text(element, 'signValue'))
}

/**
 * @param verify check response signatures (on by default in the client; success answers of signed operations
 *   must carry a valid one, error answers are checked when they carry one)
 */
export function interpretResponse(operation: OperationName, body: string, signer: Signer, verify: boolean): Interpretation {
  const spec = OPERATIONS[operation].response
  let root: string
  let value: XmlValue
  try {
    ;({ root, value } = parseXml(body))
  } catch (error) {
    return { outcome: 'malformed', message: error instanceof XmlError ? error.message : 'unreadable answer' }
  }
  if (root !== spec.root) return { outcome: 'malformed', message: `expected a <${spec.root}> answer, got <${root}>` }
  const element: XmlElement = isElement(value) ? value : {}

  const rawCode = text(element, spec.resultField)
  if (rawCode === '' && !spec.resultOptional) {
    return { outcome: 'malformed', message: `the answer has no ${spec.resultField}` }
  }
  const entry = lookupResultCode(rawCode === '' ? '00' : rawCode)
  const details = text(element, spec.detailsField)
  const records = spec.records ? asList(element[spec.records.element]) : []

  if (verify && spec.signature) {
    const rootFields = spec.signature.root
    const recordFields = spec.signature.record
    const mustBeSigned = entry.kind === 'ok'
    if (rootFields && (mustBeSigned || text(element, 'signValue') !== '') && !signatureMatches(signer, rootFields, element)) {
      return { outcome: 'bad-signature', message: 'the answer signValue is missing or does not match' }
    }
    if (recordFields && records.some((record) => !signatureMatches(signer, recordFields, record))) {
      return { outcome: 'bad-signature', message: `a ${spec.records?.element} signValue is missing or does not match` }
    }
  }
  if (entry.kind !== 'ok') return { outcome: 'rejected', entry, details }

  return {
    outcome: 'ok',
    result: {
      resultCode: entry.code,
      details,
      fields: pick(element, spec.fields),
      records: spec.records ? records.map((record) => pick(record, spec.records?.fields ?? [])) : [],
    },
  }
}
