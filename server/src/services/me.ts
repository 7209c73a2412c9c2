/** 我的: the signed-in user (D's accounts repository), the merchant and its account manager. */
import type { Db } from '../db'
import { AppError } from '../errors'
import { accountManagersRepository } from '../repositories/account-managers'
import { accountsRepository } from '../repositories/accounts'
import { merchantsRepository } from '../repositories/merchants'
import { maskPhone } from './accounts'
import type { MeResponse } from '../../../types/me'


export async function getMe(db: Db, auth: { merchantNo: string; userId: string }): Promise<MeResponse> {
  const [account, merchant, manager] = await Promise.all([
    accountsRepository(db).find(auth.merchantNo, auth.userId),
    merchantsRepository(db).find(auth.merchantNo),
    accountManagersRepository(db).find(auth.merchantNo),
  ])
  // The session outlived its account only if the account vanished between the signature check and here.
  if (account === undefined || merchant === undefined) throw new AppError(401, 'SESSION_EXPIRED', 'the account no longer exists')
  return {
    merchantName: merchant.name,
    merchantNo: merchant.account,
    userId: account.id,
    username: account.username,
    position: account.position,
    maskedPhone: maskPhone(account.phone),
    permissions: [...account.permissions],
    accountManager: manager === undefined ? null : { name: manager.name, phone: manager.phone, wecomId: manager.wecom_id },
  }
}
