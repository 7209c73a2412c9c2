/**
 * What the list needs of `/api/me`: the merchant's terminal numbers for the 终端号 picker (until it answers, or if
 * it fails, the terminals seen in the loaded rows stand in) and the account's permissions, which decide the to-do
 * rows' action buttons and the quick tracking entry (the server checks them again on every action).
 */
import { useEffect, useState } from 'react'
import { fetchMe } from '@/api'
import type { MeResponse } from '@contract/me'

export interface MerchantFacts {
  terminals: MeResponse['terminals'] | undefined
  /** Empty until /api/me answers: no action button shows before the permission is known. */
  permissions: readonly string[]
}

export function useMerchantFacts(): MerchantFacts {
  const [facts, setFacts] = useState<MerchantFacts>({ terminals: undefined, permissions: [] })
  useEffect(() => {
    let live = true
    fetchMe().then(
      (me) => {
        if (!live) return
        setFacts({
          terminals: Array.isArray(me.terminals) ? me.terminals : undefined,
          permissions: Array.isArray(me.permissions) ? me.permissions : [],
        })
      },
      // The fallback (terminals of loaded rows, no buttons) is good enough; the list itself reports real failures.
      () => undefined,
    )
    return () => void (live = false)
  }, [])
  return facts
}
