/** Whether a rejection is a page package that could not be loaded (pure, so it is unit-tested). */
export function isPackageLoadFailure(reason: unknown): boolean {
  let text: string
  if (reason instanceof Error) text = `${reason.name} ${reason.message}`
  else if (typeof reason === 'object' && reason !== null && 'errMsg' in reason) text = String((reason as { errMsg: unknown }).errMsg)
  else text = String(reason)
  return /ChunkLoadError|Loading (?:CSS )?chunk \S+ failed|subpackage|loadSubpackage/i.test(text)
}
