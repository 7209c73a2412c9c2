/**
 * The bad-input probes of one route, derived from its schemas: every declared param, query parameter and body
 * field gets each class of bad value while the rest of the request stays plausible, so the probe reaches the
 * check it is meant to test. Expectations are generic (a 4xx envelope, the store unchanged): nothing here names
 * a route.
 */
import { randomInt, randomUUID } from 'node:crypto'
import type { FuzzRoute, JsonSchema } from './routes'

export type ProbeClass =
  | 'control-characters'
  | 'overlong'
  | 'wrong-types'
  | 'forged-cursors'
  | 'impossible-dates'
  | 'bad-encodings'
  | 'extra-fields'
  | 'wrong-content-types'

export interface Probe {
  class: ProbeClass
  what: string
  method: string
  /** Exactly as sent: path and query, already percent-encoded (or deliberately mis-encoded). */
  url: string
  payload?: string | Buffer
  contentType?: string
}

/** C0 controls, DEL and a C1 control: none belongs in any text this API takes. */
export const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u0008', '\u000a', '\u001b', '\u007f', '\u0085']
const OVERLONG = 'x'.repeat(5_000)
/** Percent-encodings that are not UTF-8, or not percent-encodings at all, or an overlong NUL. */
const BAD_ENCODINGS = ['%E0%A4%A', '%ZZ', '%', '%C0%80', '%FF%FE', '%ED%A0%80']
const INTEGER_LOOKALIKES = ['0x10', ' 5', '5 ', 'Infinity', '-Infinity', 'NaN', '1e1', '5.0', '-1', '0', '+5', '1,2', '', '99999999999999999999']
const BOOLEAN_LOOKALIKES = ['yes', '1', '0', 'TRUE', 'null', '']
/** Dates that do not exist, or that a lenient parser would shift into existing ones, or far out of range. */
export const IMPOSSIBLE_DATES = [
  '2025-02-30T00:00:00+08:00',
  '2025-04-31T00:00:00+08:00',
  '2025-05-01T24:00:00+08:00',
  '2025-05-01T23:60:00+08:00',
  '2025-05-01T23:59:60+08:00',
  '2025-13-01T00:00:00+08:00',
  '2025-00-10T00:00:00+08:00',
  '2025-05-01T00:00:00+24:00',
  '2025-05-01T00:00:00+08:60',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+08:00',
]
const WRONG_JSON_VALUES: unknown[] = [null, 0, 1.5, true, '', 'x', [], ['x'], {}, { a: 1 }]

function types(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
}

const PATTERN_CANDIDATES = ['140105', '12345678', '1', 'x', 'GB2025', 'abc-1']

/** A value the schema accepts (and, for the few well-known names, one the service accepts too). */
export function sampleValue(name: string, schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum !== undefined && schema.enum.length > 0) return schema.enum[0]
  const kinds = types(schema)
  if (kinds.includes('string')) {
    if (name === 'phone') return `139${String(randomInt(10_000_000, 99_999_999))}`
    if (name === 'account' || name === 'merchantAccount') return '140105'
    if (schema.pattern !== undefined) {
      const pattern = new RegExp(schema.pattern)
      if (pattern.test('00000000-0000-4000-8000-000000000000')) return randomUUID()
      const found = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate))
      if (found !== undefined) return found
    }
    return 'a'.repeat(Math.max(1, schema.minLength ?? 1))
  }
  if (kinds.includes('integer') || kinds.includes('number')) return Math.max(1, schema.minimum ?? 1)
  if (kinds.includes('boolean')) return true
  if (kinds.includes('array')) return []
  if (kinds.includes('object')) return {}
  return 'a'
}

/** The schema a JSON body is checked with: a plain body schema, or the JSON entry of a per-content-type one. */
export function jsonBodySchema(route: FuzzRoute): JsonSchema | undefined {
  const body = route.body
  if (body === undefined) return undefined
  return body.content?.['application/json']?.schema ?? body
}

function propertiesOf(schema: JsonSchema | undefined): Array<[string, JsonSchema]> {
  return Object.entries(schema?.properties ?? {})
}

function isDateField(name: string, schema: JsonSchema): boolean {
  return name === 'from' || name === 'to' || /ISO 8601/.test(schema.description ?? '')
}

function pathWith(route: FuzzRoute, override?: { name: string; raw: string }): string {
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    if (override !== undefined && override.name === name) return override.raw
    const schema = route.params?.properties?.[name] ?? { type: 'string' }
    return encodeURIComponent(String(sampleValue(name, schema)))
  })
}

function queryString(pairs: Array<[string, string]>): string {
  return pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`
}

/** Required query parameters with sample values, so a probe of one parameter is not refused for another. */
function baseQuery(route: FuzzRoute, except?: string): Array<[string, string]> {
  const required = route.querystring?.required ?? []
  return required
    .filter((name) => name !== except)
    .map((name) => [name, encodeURIComponent(String(sampleValue(name, route.querystring?.properties?.[name] ?? {})))])
}

function baseBody(route: FuzzRoute): Record<string, unknown> {
  const schema = jsonBodySchema(route)
  const body: Record<string, unknown> = {}
  for (const name of schema?.required ?? []) body[name] = sampleValue(name, schema?.properties?.[name] ?? {})
  return body
}

const encodeText = (text: string): string => encodeURIComponent(text)

function paramProbes(route: FuzzRoute, path: (name: string, raw: string) => string, query: string): Probe[] {
  const probes: Probe[] = []
  const names = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1])
  const wildcard = route.url.endsWith('*')
  for (const name of names) {
    const valid = String(sampleValue(name, route.params?.properties?.[name] ?? { type: 'string' }))
    for (const control of CONTROL_CHARACTERS) {
      probes.push({ class: 'control-characters', what: `param ${name} with U+${control.charCodeAt(0).toString(16).padStart(4, '0')}`, method: route.method, url: path(name, encodeText(`${valid}${control}`)) + query })
    }
    probes.push({ class: 'overlong', what: `param ${name} overlong`, method: route.method, url: path(name, OVERLONG.slice(0, 300)) + query })
    for (const bad of BAD_ENCODINGS) {
      probes.push({ class: 'bad-encodings', what: `param ${name} = ${bad}`, method: route.method, url: path(name, `${valid}${bad}`) + query })
    }
  }
  if (wildcard) {
    const base = route.url.slice(0, -1)
    for (const control of CONTROL_CHARACTERS) {
      probes.push({ class: 'control-characters', what: 'wildcard path with a control character', method: route.method, url: `${base}a${encodeText(control)}b` })
    }
    for (const bad of BAD_ENCODINGS) probes.push({ class: 'bad-encodings', what: `wildcard path ${bad}`, method: route.method, url: `${base}a${bad}` })
  }
  return probes
}

function queryProbes(route: FuzzRoute, path: string, body: Pick<Probe, 'payload' | 'contentType'>): Probe[] {
  const probes: Probe[] = []
  const make = (cls: ProbeClass, what: string, pairs: Array<[string, string]>): Probe => ({ class: cls, what, method: route.method, url: path + queryString(pairs), ...body })
  const declared = propertiesOf(route.querystring)
  for (const [name, schema] of declared) {
    const base = baseQuery(route, name)
    const kinds = types(schema)
    const valid = String(sampleValue(name, schema))
    for (const control of CONTROL_CHARACTERS) {
      probes.push(make('control-characters', `query ${name} with U+${control.charCodeAt(0).toString(16).padStart(4, '0')}`, [...base, [name, encodeText(`${valid}${control}`)]]))
    }
    probes.push(make('overlong', `query ${name} overlong`, [...base, [name, OVERLONG]]))
    for (const bad of BAD_ENCODINGS) probes.push(make('bad-encodings', `query ${name} = ${bad}`, [...base, [name, bad]]))
    probes.push(make('wrong-types', `query ${name} twice`, [...base, [name, encodeText(valid)], [name, encodeText(valid)]]))
    if (kinds.includes('integer') || kinds.includes('number')) {
      for (const value of INTEGER_LOOKALIKES) probes.push(make('wrong-types', `query ${name} = "${value}"`, [...base, [name, encodeText(value)]]))
    }
    if (kinds.includes('boolean')) {
      for (const value of BOOLEAN_LOOKALIKES) probes.push(make('wrong-types', `query ${name} = "${value}"`, [...base, [name, encodeText(value)]]))
    }
    if (schema.enum !== undefined) {
      probes.push(make('wrong-types', `query ${name} outside its enum`, [...base, [name, 'no-such-value']]))
    }
    if (isDateField(name, schema)) {
      for (const date of IMPOSSIBLE_DATES) {
        probes.push(make('impossible-dates', `query ${name} = ${date}`, [...base, [name, encodeText(date)]]))
      }
    }
  }
  // A page or file (the H5 app, the admin page) takes no input, and a browser may add a query to its URL; every
  // API route (JSON in or out: /api, /admin/api, /webhooks) declares its query, so an undeclared one is refused —
  // except /api/health, which load balancers and uptime probes call with parameters of their own.
  const takesAnyQuery = route.url === '/api/health'
  if (!takesAnyQuery && (/^\/(api|admin\/api|webhooks)\//.test(route.url) || route.querystring !== undefined)) {
    probes.push(make('extra-fields', 'an undeclared query parameter', [...baseQuery(route), ['zzUndeclared', '1']]))
  }
  probes.push(make('control-characters', 'an undeclared query parameter with NUL', [...baseQuery(route), ['zz%00', '%00']]))
  probes.push(make('bad-encodings', 'a mis-encoded query key', [...baseQuery(route), ['%E0%A4%A', '1']]))
  return probes
}

const toJson = (value: unknown): string => JSON.stringify(value)

function bodyProbes(route: FuzzRoute, url: string): Probe[] {
  if (route.method === 'GET' || route.method === 'DELETE') return []
  const probes: Probe[] = []
  const json = (cls: ProbeClass, what: string, payload: string | Buffer, contentType = 'application/json'): Probe => ({ class: cls, what, method: route.method, url, payload, contentType })
  const schema = jsonBodySchema(route)
  const base = baseBody(route)
  for (const [name, field] of propertiesOf(schema)) {
    const kinds = types(field)
    const valid = sampleValue(name, field)
    const stringValue = typeof valid === 'string' ? valid : 'a'
    for (const control of CONTROL_CHARACTERS) {
      probes.push(json('control-characters', `body ${name} with U+${control.charCodeAt(0).toString(16).padStart(4, '0')}`, toJson({ ...base, [name]: `${stringValue}${control}` })))
    }
    if (kinds.includes('array')) probes.push(json('control-characters', `body ${name}[0] with NUL`, toJson({ ...base, [name]: [`${stringValue}\u0000`] })))
    probes.push(json('overlong', `body ${name} overlong`, toJson({ ...base, [name]: OVERLONG })))
    for (const value of WRONG_JSON_VALUES) {
      const accepted = kinds.includes(value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value)
      const numberForInteger = typeof value === 'number' && kinds.includes('number')
      const emptyArrayForArray = Array.isArray(value) && kinds.includes('array') && value.length === 0
      if (accepted || numberForInteger || emptyArrayForArray) continue
      // A string for a string field is only wrong when it is not one of the field's values.
      if (typeof value === 'string' && kinds.includes('string') && field.enum === undefined && field.pattern === undefined && (field.minLength ?? 0) <= value.length) continue
      probes.push(json('wrong-types', `body ${name} = ${toJson(value)}`, toJson({ ...base, [name]: value })))
    }
    if (kinds.includes('array') && field.items?.enum !== undefined) {
      probes.push(json('wrong-types', `body ${name} a bare item instead of a list`, toJson({ ...base, [name]: field.items.enum[0] })))
    }
  }
  probes.push(json('extra-fields', 'an undeclared body field', toJson({ ...base, zzUndeclared: 1 })))
  probes.push(json('extra-fields', 'an undeclared body field with NUL', toJson({ ...base, 'zz\u0000': '\u0000' })))
  probes.push(json('extra-fields', '__proto__ in the body', '{"__proto__":{"polluted":true}}'))
  const bodyTypes = schema === undefined ? [] : types(schema)
  for (const [value, type] of [['null', 'null'], ['[]', 'array'], ['"x"', 'string'], ['1', 'integer'], ['true', 'boolean']]) {
    // A body type the schema declares is not a wrong one (read-all takes JSON null as "every kind").
    if (!bodyTypes.includes(type)) probes.push(json('wrong-types', `body ${value}`, value))
  }
  probes.push(json('bad-encodings', 'body not JSON', '{"a":'))
  probes.push(json('bad-encodings', 'body with invalid UTF-8', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from('"}')])))
  probes.push(json('bad-encodings', 'body with a lone surrogate escape', '{"zz":"\\ud800"}'))
  probes.push(json('control-characters', 'body with a raw NUL between tokens', `{\u0000}`))
  probes.push(json('wrong-content-types', 'text/plain body', 'hello', 'text/plain'))
  probes.push(json('wrong-content-types', 'text/plain JSON-looking body', toJson(base), 'text/plain'))
  probes.push(json('wrong-content-types', 'XML body', '<a>1</a>', 'application/xml'))
  probes.push(json('wrong-content-types', 'form body', 'a=1', 'application/x-www-form-urlencoded'))
  probes.push(json('wrong-content-types', 'multipart body', '--b\r\n\r\nx\r\n--b--', 'multipart/form-data; boundary=b'))
  probes.push(json('wrong-content-types', 'octet-stream body', Buffer.from([0, 1, 2]), 'application/octet-stream'))
  probes.push(json('wrong-content-types', 'JSON in UTF-16', Buffer.from(toJson(base), 'utf16le'), 'application/json; charset=utf-16'))
  return probes
}

/** A route's probes; `extraProbes` add the ones that need the app (forged cursors). */
export function probesFor(route: FuzzRoute): Probe[] {
  const path = pathWith(route)
  const query = queryString(baseQuery(route))
  const hasJsonBody = jsonBodySchema(route)?.required !== undefined && route.method !== 'GET'
  const validBody = hasJsonBody ? { payload: toJson(baseBody(route)), contentType: 'application/json' } : {}
  return [
    ...paramProbes(route, (name, raw) => pathWith(route, { name, raw }), query),
    ...queryProbes(route, path, validBody),
    ...bodyProbes(route, path + query),
  ]
}

/** The route's URL with sample params and required query, for requests that should succeed. */
export function sampleUrl(route: FuzzRoute, extra: Array<[string, string]> = []): string {
  return pathWith(route) + queryString([...baseQuery(route), ...extra])
}

/** Cursors no server made: garbage, and well-formed JSON with impossible contents. */
export function forgedCursors(fingerprint: string | undefined): Array<{ what: string; cursor: string }> {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
  const f = fingerprint ?? 'x'.repeat(22)
  return [
    { what: 'not base64url', cursor: '!!!' },
    { what: 'base64url of nothing JSON', cursor: Buffer.from('nope').toString('base64url') },
    { what: 'JSON array', cursor: encode([1, 2]) },
    { what: 'impossible date Feb 30', cursor: encode({ t: '2025-02-30T00:00:00.000000Z', i: '1', f }) },
    { what: 'hour 24', cursor: encode({ t: '2025-05-01T24:00:00.000000Z', i: '1', f }) },
    { what: 'year 0000', cursor: encode({ t: '0000-01-01T00:00:00.000000Z', i: '1', f }) },
    { what: 'NUL id', cursor: encode({ t: '2025-05-01T00:00:00.000000Z', i: '1\u0000', f }) },
    { what: 'overlong id', cursor: encode({ t: '2025-05-01T00:00:00.000000Z', i: 'x'.repeat(300), f }) },
    { what: 'numeric id', cursor: encode({ t: '2025-05-01T00:00:00.000000Z', i: 1, f }) },
    { what: 'NUL fingerprint', cursor: encode({ t: '2025-05-01T00:00:00.000000Z', i: '1', f: '\u0000' }) },
  ]
}
