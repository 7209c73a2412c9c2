/** Customs declarations: one successful first submission per payment and sub-order, any number of resubmissions. */
import type { Queryable } from '../../../db'

export interface CustomsDeclaration {
  declarationId: string
  paymentId: string
  subOrderNumber: string
  type: 1 | 2
  customs: string
  customsNumber: string
  customsName: string
  price: string
  totalAmount: string
  shippingFee: string
  submittedAt: Date
}

export async function hasFirstSubmission(db: Queryable, paymentId: string, subOrderNumber: string): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from sandbox_customs where payment_id = $1 and sub_order_number = $2 and type = 1`,
    [paymentId, subOrderNumber],
  )
  return (rows[0]?.n ?? 0) > 0
}

/** @returns false when a first submission (type 1) already exists for the payment and sub-order. */
export async function insertDeclaration(db: Queryable, declaration: CustomsDeclaration): Promise<boolean> {
  const { rows } = await db.query<{ declaration_id: string }>(
    `insert into sandbox_customs (declaration_id, payment_id, sub_order_number, type, customs, customs_number,
       customs_name, price, total_amount, shipping_fee, submitted_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict do nothing returning declaration_id`,
    [
      declaration.declarationId,
      declaration.paymentId,
      declaration.subOrderNumber,
      declaration.type,
      declaration.customs,
      declaration.customsNumber,
      declaration.customsName,
      declaration.price,
      declaration.totalAmount,
      declaration.shippingFee,
      declaration.submittedAt,
    ],
  )
  return rows.length > 0
}
