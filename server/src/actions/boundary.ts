/**
 * The SDK's parameter rules (gateway/operations.ts) applied at the route's boundary, before anything is attempted:
 * a bad item is a 400 naming it, and the rules live in one table only.
 */
import { validateOperationFields, type OperationName, type Params } from '../gateway'
import { AppError } from '../errors'

/** Wire field names for the SDK's parameter names, so the 400 names the field the client sent. */
export function requireValidParams(operation: OperationName, params: Params, wireNames: Readonly<Record<string, string>>, where = ''): void {
  const issue = validateOperationFields(operation, params)[0]
  if (issue === undefined) return
  const field = issue.field
    .split('|')
    .map((name) => wireNames[name] ?? name)
    .join('|')
  const message = issue.message.split(issue.field).join(field)
  throw new AppError(400, 'VALIDATION_FAILED', `${where}${field}: ${message}`)
}
