/**
 * The merchant's terminal numbers for the 终端号 picker: `/api/me` lists them; until it answers (or if it
 * fails) the terminals seen in the loaded rows stand in, so the picker is never empty when there is data.
 */
import { useEffect, useState } from 'react'
import { fetchMe } from '@/api'
import type { MeResponse } from '@contract/me'

export function useMerchantTerminals(): MeResponse['terminals'] | undefined {
  const [terminals, setTerminals] = useState<MeResponse['terminals'] | undefined>(undefined)
  useEffect(() => {
    let live = true
    fetchMe().then(
      (me) => {
        if (live && Array.isArray(me.terminals)) setTerminals(me.terminals)
      },
      // The fallback (terminals of loaded rows) is good enough; the list itself reports real failures.
      () => undefined,
    )
    return () => void (live = false)
  }, [])
  return terminals
}

