/** A page's router parameter as text: some runtimes hand it over still URL-encoded, some decoded; both work. */
export function routeParam(value: string | undefined): string {
  if (value === undefined) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
