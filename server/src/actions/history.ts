/** 操作记录: a payment's actions, newest first (404 for a payment that is not the merchant's). */
import type { PaymentActionsResponse } from '@contract/actions'
import type { Db } from '../db'
import { AppError } from '../errors'
import { actionsRepository } from '../repositories/actions'
import { toActionRecord } from './records'

export async function paymentActions(db: Db, merchant: string, paymentId: string): Promise<PaymentActionsResponse> {
  const actions = actionsRepository(db)
  if ((await actions.payment(merchant, paymentId)) === undefined) throw new AppError(404, 'NOT_FOUND', 'no such transaction')
  return { items: (await actions.forPayment(merchant, paymentId)).map(toActionRecord) }
}
