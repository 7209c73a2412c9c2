/**
 * XML in and out. Parsing is hardened: a document with a DTD or entity declaration is refused outright (no XXE,
 * no entity expansion bombs), fast-xml-parser's own entity processing is off and only the five predefined
 * entities and numeric character references are decoded afterwards, and values stay strings — an amount such as
 * "10.50" or an id such as "0012" is never turned into a number. Building is deterministic (keys in insertion
 * order) and escapes all text, so the sandbox answers exactly what the SDK parses.
 */
import { XMLParser } from 'fast-xml-parser'

/** An element's content: text, or child elements (repeated children become arrays). */
export type XmlValue = string | XmlElement | XmlValue[]
export interface XmlElement {
  [name: string]: XmlValue
}

export interface XmlDocument {
  readonly root: string
  readonly value: XmlValue
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'XmlError'
  }
}

const FORBIDDEN = /<!\s*(DOCTYPE|ENTITY)/i

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
})

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (match, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code <= 0x10ffff ? String.fromCodePoint(code) : match
    }
    return PREDEFINED[name] ?? match
  })
}

function normalise(value: unknown): XmlValue {
  if (Array.isArray(value)) return value.map(normalise)
  if (value !== null && typeof value === 'object') {
    const element: XmlElement = {}
    for (const [key, child] of Object.entries(value)) element[key] = normalise(child)
    return element
  }
  // With parseTagValue off every leaf is a string; an empty element comes back as ''.
  return typeof value === 'string' ? decodeEntities(value) : ''
}

/** Parses one XML document. @throws XmlError when it is malformed, has a DTD/entity, or has no single root. */
export function parseXml(text: string): XmlDocument {
  if (FORBIDDEN.test(text)) throw new XmlError('XML with a DOCTYPE or ENTITY declaration is refused')
  const trimmed = text.trim()
  if (!trimmed.startsWith('<')) throw new XmlError('not an XML document')
  let parsed: unknown
  try {
    parsed = parser.parse(trimmed, true)
  } catch (error) {
    throw new XmlError(`malformed XML: ${error instanceof Error ? error.message.split('\n')[0] : 'parse error'}`)
  }
  const roots = Object.entries((parsed ?? {}) as Record<string, unknown>)
  if (roots.length !== 1 || roots[0] === undefined || Array.isArray(roots[0][1])) {
    throw new XmlError('an XML document must have exactly one root element')
  }
  const [root, value] = roots[0]
  return { root, value: normalise(value) }
}

/** What buildXml accepts: text, a nested record, or a list of records (each written as a repeated element). */
export type XmlInput = string | XmlInputRecord | readonly XmlInputRecord[]
export interface XmlInputRecord {
  readonly [name: string]: XmlInput | undefined
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/

export function escapeXmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function element(name: string, value: XmlInput): string {
  if (!NAME.test(name)) throw new XmlError(`invalid XML element name "${name}"`)
  if (typeof value === 'string') return `<${name}>${escapeXmlText(value)}</${name}>`
  if (Array.isArray(value)) return (value as readonly XmlInputRecord[]).map((item) => element(name, item)).join('')
  return `<${name}>${children(value as XmlInputRecord)}</${name}>`
}

function children(record: XmlInputRecord): string {
  return Object.entries(record)
    .filter((entry): entry is [string, XmlInput] => entry[1] !== undefined)
    .map(([name, value]) => element(name, value))
    .join('')
}

/** `<?xml …?><root>…</root>`, children in the record's key order; undefined values are left out. */
export function buildXml(root: string, record: XmlInputRecord): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, record)}`
}
