/** The shape of one sandbox operation: the validated, signature-checked parameters in, a verdict out. */
import type { Params } from '../../../gateway'
import type { Answer, SandboxContext } from '../context'
import type { SandboxTerminal } from '../store/terminals'

export type OperationHandler = (ctx: SandboxContext, caller: SandboxTerminal, params: Params) => Promise<Answer>

/** Page number from `pages` (1-based; absent, 0 or unparsable → 1). */
export function pageNumber(params: Params): number {
  const value = Number(params.pages ?? '1')
  return Number.isInteger(value) && value >= 1 ? value : 1
}

/** The list header fields every list answer carries. */
export function listHeader(total: number, pageSize: number, page: number): Record<string, string> {
  return { count: String(total), totalpages: String(Math.ceil(total / pageSize)), pages: String(page) }
}
