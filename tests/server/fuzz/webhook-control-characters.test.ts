/**
 * A correctly signed Oceanpayment notice carrying `&#0;` was answered 500 on every delivery (PostgreSQL cannot
 * store a NUL), so after Oceanpayment's retries it was lost. It is stored with the character neutralised and
 * answered receive-ok. The webhook answers receive-ok to unusable input by design, so the generic fuzz suite
 * leaves this route to this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../server/src/app'
import type { Db } from '../../../server/src/db'
import { WEBHOOK_PATH } from '../../../server/src/routes/webhooks/oceanpayment'
import { buildTestApp, testConfig } from '../harness'
import { noticeFields, noticeXml, preparedStore } from '../notifications/support'
import { testStores } from '../stores'
import { changedTables, storeFingerprint } from './store-fingerprint'

describe.each(testStores())('webhook notices with control characters on the $kind store', (store) => {
  let db: Db
  let app: App

  beforeAll(async () => {
    db = await store.open()
    await preparedStore(db)
    ;({ app } = buildTestApp(db, testConfig({ GAP_FILL_INTERVAL_SECONDS: '0' })))
  })

  afterAll(async () => {
    await app?.close()
    await store.cleanup()
  })

  const post = (body: string, url = WEBHOOK_PATH) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'text/xml; charset=utf-8' }, payload: body })

  it('stores a signed notice containing &#0; with U+FFFD in its place and answers receive-ok', async () => {
    const fields = noticeFields({ push_id: 'PUSH-NUL-1', push_details: '4837:No\u0000cardholder authorization' })
    const xml = noticeXml(fields).replace('\u0000', '&#0;')
    expect(xml).toContain('&#0;')
    const response = await post(xml)
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe('receive-ok')
    const { rows } = await db.query<{ push_details: string }>('select push_details from notifications where push_id = $1', ['PUSH-NUL-1'])
    expect(rows.map((row) => row.push_details)).toEqual(['4837:No\ufffdcardholder authorization'])
  })

  it('refuses a control character in its query with a 4xx envelope and changes nothing', async () => {
    const before = await storeFingerprint(db)
    const response = await post(noticeXml(noticeFields({ push_id: 'PUSH-NUL-2' })), `${WEBHOOK_PATH}?a=%00`)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    expect(changedTables(before, await storeFingerprint(db))).toEqual([])
  })
})
