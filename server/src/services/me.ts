/** 我的: the signed-in user (D's accounts repository), the merchant, its terminals and its account manager. */
import QRCode from 'qrcode'
import type { Db } from '../db'
import { AppError } from '../errors'
import { accountManagersRepository } from '../repositories/account-managers'
import { accountsRepository } from '../repositories/accounts'
import { merchantsRepository } from '../repositories/merchants'
import { maskPhone } from './accounts'
import type { MeResponse } from '@contract/me'

export function wecomContactUrl(wecomId: string): string {
  return `https://work.weixin.qq.com/u/${encodeURIComponent(wecomId)}`
}

/**
 * Card images by contact URL. The image depends on the URL alone, so a manager whose WeCom id changes simply gets
 * a new entry; the cap only guards against unbounded growth (there are a handful of managers).
 */
const cardImages = new Map<string, Promise<string>>()
const CARD_CACHE_LIMIT = 500

export function wecomCardImage(wecomId: string): Promise<string> {
  const url = wecomContactUrl(wecomId)
  const cached = cardImages.get(url)
  if (cached !== undefined) return cached
  if (cardImages.size >= CARD_CACHE_LIMIT) {
    const oldest = cardImages.keys().next()
    if (oldest.done !== true) cardImages.delete(oldest.value)
  }
  // Error correction M survives a phone screenshot or a slightly blurred long-press capture; 240 px is crisp at
  // the ~360 design px the Me page shows it at.
  const image = QRCode.toDataURL(url, { errorCorrectionLevel: 'M', width: 240, margin: 2, type: 'image/png' })
  // A failed render must not stick in the cache.
  image.catch(() => cardImages.delete(url))
  cardImages.set(url, image)
  return image
}

export async function getMe(db: Db, auth: { merchantNo: string; userId: string }): Promise<MeResponse> {
  const merchants = merchantsRepository(db)
  const [account, merchant, terminals, manager] = await Promise.all([
    accountsRepository(db).find(auth.merchantNo, auth.userId),
    merchants.find(auth.merchantNo),
    merchants.terminals(auth.merchantNo),
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
    terminals: terminals.map((t) => t.terminal),
    accountManager:
      manager === undefined
        ? null
        : {
            name: manager.name,
            phone: manager.phone,
            email: manager.email,
            wecomId: manager.wecom_id,
            cardImage: await wecomCardImage(manager.wecom_id),
          },
  }
}
