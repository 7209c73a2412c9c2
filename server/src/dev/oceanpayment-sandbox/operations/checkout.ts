/**
 * Health examination and card BIN verification (the JSON calls authenticated by credential headers). The sandbox
 * cannot inspect real websites or issuer tables, so both answer deterministically: reserved test domains
 * (RFC 2606: *.invalid, *.test, *.example, localhost) fail the health check, every other domain passes; a BIN's
 * brand follows the public IIN ranges and its other attributes are derived from the BIN itself.
 */
import { createPrng } from '../prng'
import type { OperationHandler } from './types'

const RESERVED = /(^|\.)(invalid|test|example|localhost)$/i
const BASE64 = /^[A-Za-z0-9+/=\r\n-]+$/

export const healthCheck: OperationHandler = async (_ctx, _caller, params) => {
  const site = params.site ?? ''
  const siteOk = !RESERVED.test(site)
  const key = params.key ?? ''
  const keyStatus = key === '' ? '' : BASE64.test(key) ? '1' : '0'
  return {
    code: '00',
    details: siteOk ? 'Site reachable' : 'Site unreachable',
    fields: { site, site_status: siteOk ? '1' : '0', key_status: keyStatus },
  }
}

function brandOf(bin: string): string {
  const two = Number(bin.slice(0, 2))
  const four = Number(bin.slice(0, 4))
  if (bin.startsWith('4')) return 'VISA'
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MasterCard'
  if (two === 34 || two === 37) return 'AmericanExpress'
  if (four >= 3528 && four <= 3589) return 'JCB'
  if (two === 62) return 'UnionPay'
  if (bin.startsWith('6011') || two === 65) return 'Discover'
  if (two === 36 || two === 38 || (two === 30 && Number(bin[2]) <= 5)) return 'Diners'
  return 'UNKNOWN'
}

const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'JP', 'CN', 'HK', 'AU', 'CA', 'SE'] as const
const LEVELS = ['CLASSIC', 'GOLD', 'PLATINUM', 'BUSINESS'] as const

export const cardBin: OperationHandler = async (_ctx, _caller, params) => {
  const bins = [...new Set((params.card_bin ?? '').split(','))]
  const records = bins.map((bin) => {
    const brand = brandOf(bin)
    if (brand === 'UNKNOWN') return { card_bin: bin, card_brand: brand, card_type: '', card_level: '', card_country: '', issuer: '' }
    const prng = createPrng(`bin:${bin}`)
    return {
      card_bin: bin,
      card_brand: brand,
      card_type: prng.chance(0.6) ? 'CREDIT' : 'DEBIT',
      card_level: prng.pick(LEVELS),
      card_country: prng.pick(COUNTRIES),
      issuer: `Sandbox Bank ${bin.slice(0, 3)}`,
    }
  })
  return { code: '00', records }
}
