/**
 * The demo's mini-program accounts (SPEC §5: "a few mini-program accounts"), created through the same service the
 * admin API uses, so the 10-account limit and phone rules apply to them too. The phones are the ones to type into
 * the H5 sandbox phone sheet; the README lists them.
 */
import type { Db } from '../../db'
import { createAccount, listAccounts } from '../../services/accounts'
import { DEMO_MERCHANT, SECOND_MERCHANT } from '../../config/known-merchants'
import type { AccountFields } from '../../repositories/accounts'

export interface DemoUser extends AccountFields {
  merchant: string
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    merchant: DEMO_MERCHANT.account,
    phone: '13800138000',
    username: '张敏',
    position: '财务主管',
    enabled: true,
    permissions: ['capture', 'void', 'refund', 'tracking', 'order-query', 'card-bin', 'health-check'],
  },
  {
    merchant: DEMO_MERCHANT.account,
    phone: '13900139000',
    username: '李伟',
    position: '客服专员',
    enabled: true,
    permissions: ['tracking', 'order-query'],
  },
  // Disabled on purpose: logging in with this phone shows the "ask your administrator" refusal.
  { merchant: DEMO_MERCHANT.account, phone: '13700137000', username: '王芳', position: '运营', enabled: false, permissions: [] },
  {
    merchant: SECOND_MERCHANT.account,
    phone: '13600136000',
    username: 'Chen Jie',
    position: 'Finance',
    enabled: true,
    permissions: ['refund', 'order-query'],
  },
]

/** Creates the demo users a merchant does not have yet (by phone); returns how many were created. */
export async function ensureDemoUsers(db: Db): Promise<number> {
  let created = 0
  for (const user of DEMO_USERS) {
    const existing = await listAccounts(db, user.merchant)
    if (existing.some((account) => account.phone === user.phone)) continue
    const { merchant, ...input } = user
    await createAccount(db, merchant, input)
    created += 1
  }
  return created
}
