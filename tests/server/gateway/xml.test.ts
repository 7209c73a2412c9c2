/** Safe XML parsing and deterministic building. */
import { describe, expect, it } from 'vitest'
import { buildXml, parseXml, XmlError } from '../../../server/src/gateway'

describe('parseXml', () => {
  it('keeps every value a string', () => {
    const doc = parseXml('<?xml version="1.0"?><response><amount>10.50</amount><id>0012</id><big>12345678901234567890123</big><neg>-1</neg><e/></response>')
    expect(doc).toEqual({ root: 'response', value: { amount: '10.50', id: '0012', big: '12345678901234567890123', neg: '-1', e: '' } })
  })

  it('returns repeated elements as a list and ignores attributes', () => {
    const doc = parseXml('<response><row a="1"><v>1</v></row><row><v>2</v></row></response>')
    expect(doc.value).toEqual({ row: [{ v: '1' }, { v: '2' }] })
  })

  it('decodes only predefined entities and character references', () => {
    expect(parseXml('<r><t>a &amp; b &lt;c&gt; &quot;&apos; &#20013;&#x6587; &copy;</t></r>').value).toEqual({ t: 'a & b <c> "\' 中文 &copy;' })
  })

  it('refuses any DOCTYPE or ENTITY declaration', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><r>&lol2;</r>'
    const xxe = '<!doctype r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    expect(() => parseXml(bomb)).toThrow(XmlError)
    expect(() => parseXml(xxe)).toThrow(/DOCTYPE or ENTITY/)
    expect(() => parseXml('<r><!ENTITY x "y"></r>')).toThrow(XmlError)
  })

  it('refuses documents that are not one well-formed element', () => {
    expect(() => parseXml('')).toThrow(XmlError)
    expect(() => parseXml('plain text')).toThrow(XmlError)
    expect(() => parseXml('<a>1</a><b>2</b>')).toThrow(XmlError)
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError)
  })
})

describe('buildXml', () => {
  it('writes keys in order, escapes text, repeats list elements and leaves out undefined', () => {
    const xml = buildXml('response', { b: '1', a: 'x & <y> "z"', skip: undefined, row: [{ v: '1' }, { v: '2' }], nested: { k: "it's" } })
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<response><b>1</b><a>x &amp; &lt;y&gt; &quot;z&quot;</a><row><v>1</v></row><row><v>2</v></row><nested><k>it&apos;s</k></nested></response>',
    )
  })

  it('round-trips through parseXml, including text that looks like markup or an entity', () => {
    const record = { details: '<![CDATA[x]]> &amp; <!ENTITY', amount: '0.10', name: '海洋' }
    expect(parseXml(buildXml('response', record))).toEqual({ root: 'response', value: record })
  })

  it('refuses an invalid element name', () => {
    expect(() => buildXml('response', { 'bad name': '1' })).toThrow(XmlError)
  })
})
