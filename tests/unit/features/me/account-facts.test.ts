import { describe, expect, it } from 'vitest'
import type { SessionProfile } from '@contract/auth'
import type { MeResponse } from '@contract/me'
import { accountFacts } from '@/features/me/account-facts'

const PROFILE: SessionProfile = {
  userId: 'u1',
  username: '张敏',
  position: '财务主管',
  phone: '138****8000',
  merchantAccount: '140105',
  merchantName: 'Old name',
  permissions: [],
}

describe('accountFacts', () => {
  it("maps the login profile's fields while /api/me has not answered", () => {
    expect(accountFacts(undefined, PROFILE)).toEqual({
      merchantName: 'Old name',
      merchantNo: '140105',
      username: '张敏',
      position: '财务主管',
      maskedPhone: '138****8000',
    })
  })

  it('prefers /api/me, which is fresher than the login', () => {
    const me: MeResponse = {
      merchantName: 'New name',
      merchantNo: '140105',
      userId: 'u1',
      username: '张敏',
      position: '出纳',
      maskedPhone: '138****8000',
      permissions: [],
      terminals: [],
      accountManager: null,
    }
    expect(accountFacts(me, PROFILE)).toMatchObject({ merchantName: 'New name', position: '出纳' })
  })

  it('has nothing to show without either', () => {
    expect(accountFacts(undefined, null)).toBeUndefined()
  })
})
