/** Shared set-up of the notification tests: a migrated store with one merchant, terminal and payment, and signed notices. */
import { buildXml, signNotification } from '../../../server/src/gateway'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { DEMO_MERCHANT } from '../../../server/src/config/known-merchants'

export const ACCOUNT = DEMO_MERCHANT.account
export const TERMINAL = DEMO_MERCHANT.terminals[0].terminal
export const SECURE_CODE = DEMO_MERCHANT.terminals[0].secureCode
export const PAYMENT_ID = 'PAY-NOTICE-0001'
export const ORDER_NUMBER = 'ORDER-0001'

export async function preparedStore(db: Db): Promise<void> {
  await migrate(db)
  await db.query('insert into merchants (account, name) values ($1, $2) on conflict do nothing', [ACCOUNT, DEMO_MERCHANT.name])
  await db.query('insert into terminals (terminal, account, name) values ($1, $2, $3) on conflict do nothing', [TERMINAL, ACCOUNT, 'Web store'])
  await addPayment(db, PAYMENT_ID, '10000')
}

/** A successful USD sale of `amountMinor`. */
export async function addPayment(db: Db, paymentId: string, amountMinor: string): Promise<void> {
  await db.query(
    `insert into transactions (payment_id, account, terminal, order_number, payment_time, txn_type, status,
       payment_method, currency, amount_minor, booking_currency, booking_amount_minor)
     values ($1, $2, $3, $4, now() - interval '2 days', 'sale', 'success', 'Credit Card', 'USD', $5, 'USD', $5)`,
    [paymentId, ACCOUNT, TERMINAL, ORDER_NUMBER, amountMinor],
  )
}

export type NoticeFields = Record<string, string>

export function noticeFields(overrides: NoticeFields = {}): NoticeFields {
  return {
    account: ACCOUNT,
    terminal: TERMINAL,
    payment_id: PAYMENT_ID,
    order_number: ORDER_NUMBER,
    order_currency: 'USD',
    order_amount: '100.00',
    card_type: 'Visa',
    card_country: 'US',
    push_dateTime: '2025-05-15 10:00:00',
    notice_type: 'chargeBack',
    push_status: '1',
    push_details: '4837:No cardholder authorization',
    push_id: 'PUSH-0001',
    // The answer deadline, Beijing time: 2025-05-25T02:00:00Z.
    payment_cpdTime: '2025-05-25 10:00:00',
    ...overrides,
  }
}

/** The signed XML document, as Oceanpayment (and the sandbox) sends it. */
export function noticeXml(fields: NoticeFields, secureCode = SECURE_CODE): string {
  return buildXml('response', { ...fields, signValue: signNotification(fields, secureCode) })
}

/** payment_cpdTime of noticeFields() as an instant. */
export const CPD_TIME = new Date('2025-05-25T02:00:00Z')

export async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) q`, params)
  return rows[0].n
}
