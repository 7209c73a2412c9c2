/**
 * Renders a handler's verdict as the XML answer OPERATIONS describes for the operation — the same table the SDK
 * parses with — signed with the calling terminal's secureCode where the answer is signed. An answer to an unknown
 * terminal cannot be signed and carries no signValue.
 */
import { buildXml, lookupResultCode, OPERATIONS, signResponse, type OperationName, type Params, type XmlInputRecord } from '../../gateway'
import type { Answer } from './context'
import type { SandboxTerminal } from './store/terminals'

function record(
  names: readonly string[],
  values: Readonly<Record<string, string>>,
  caller: SandboxTerminal | undefined,
  signed: readonly string[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of names) {
    if (name === 'signValue') continue
    if (name === 'account' || name === 'terminal') out[name] = values[name] ?? caller?.[name] ?? ''
    else out[name] = values[name] ?? ''
  }
  if (signed !== undefined && caller !== undefined) {
    const signValue = signResponse(caller, signed, out, caller.secureCode)
    // signValue where the table puts it (Oceanpayment puts it right after account and terminal).
    const ordered: Record<string, string> = {}
    for (const name of names) ordered[name] = name === 'signValue' ? signValue : (out[name] ?? '')
    if (!names.includes('signValue')) ordered.signValue = signValue
    return ordered
  }
  return out
}

export function renderAnswer(
  operation: OperationName,
  answer: Answer,
  context: { caller?: SandboxTerminal; params: Params },
): string {
  const spec = OPERATIONS[operation].response
  const { caller, params } = context
  const values: Record<string, string> = {
    account: caller?.account ?? params.account ?? '',
    terminal: caller?.terminal ?? params.terminal ?? '',
    ...answer.fields,
    [spec.resultField]: answer.code,
    [spec.detailsField]: answer.details ?? lookupResultCode(answer.code).message,
  }
  const names = [...spec.fields]
  for (const name of [spec.resultField, spec.detailsField]) if (!names.includes(name)) names.push(name)
  if (spec.resultOptional && answer.code === '00') names.splice(names.indexOf(spec.resultField), 1)
  const root: XmlInputRecord = record(names, values, caller, spec.signature?.root)
  if (spec.records !== undefined && (answer.records?.length ?? 0) > 0) {
    const { element, fields } = spec.records
    const rows = (answer.records ?? []).map((row) => record(fields, row, caller, spec.signature?.record))
    return buildXml(spec.root, { ...root, [element]: rows })
  }
  return buildXml(spec.root, root)
}
