/**
 * The emulator's released pages (getwxacodeunlimit with check_path refuses any other) are written out by hand in
 * wxacode-routes.ts, since the server never imports the client. This ties them to the client's one route table:
 * a page renamed, added or removed in src/app.config.ts's main package fails here, not in the demo's invitation.
 *
 * app.config.ts is read as source (TypeScript's parser), not imported: it calls Taro's compile-time global, which the
 * server's type check does not know.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { PUBLISHED_PAGES } from '../../../../server/src/dev/wechat-emulator/wxacode-routes'

const APP_CONFIG = resolve(__dirname, '../../../../src/app.config.ts')

/** The string literals of the top-level `pages` of `export default defineAppConfig({ … })`. */
function mainPackagePages(): string[] {
  const source = ts.createSourceFile(APP_CONFIG, readFileSync(APP_CONFIG, 'utf8'), ts.ScriptTarget.Latest, true)
  const exported = source.statements.find(ts.isExportAssignment)
  const call = exported?.expression
  const config = call !== undefined && ts.isCallExpression(call) ? call.arguments[0] : undefined
  if (config === undefined || !ts.isObjectLiteralExpression(config)) throw new Error('app.config.ts: no defineAppConfig({ … })')
  const pages = config.properties.find(
    (property): property is ts.PropertyAssignment =>
      ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'pages',
  )
  if (pages === undefined || !ts.isArrayLiteralExpression(pages.initializer)) throw new Error('app.config.ts: no pages: [ … ]')
  return pages.initializer.elements.map((element) => {
    if (!ts.isStringLiteral(element)) throw new Error(`app.config.ts: a page that is not a string: ${element.getText()}`)
    return element.text
  })
}

describe("the WeChat emulator's released pages", () => {
  it("are exactly src/app.config.ts's main-package pages", () => {
    const pages = mainPackagePages()
    expect(pages).toContain('pages/login/index')
    expect([...PUBLISHED_PAGES].sort()).toEqual([...pages].sort())
  })
})
