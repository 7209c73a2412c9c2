/**
 * The merchants and terminals a development server knows without any configuration: Oceanpayment's published
 * sandbox test terminal, the demo merchant 140105 of SPEC §5, and a second merchant so that cross-merchant
 * isolation has something to be isolated from. The sandbox seeds its terminal table from here, the demo data
 * generator its merchants, and config.ts its default OCEANPAYMENT_TERMINALS. None of these secureCodes is real:
 * they exist only in the sandbox. Production takes its credentials from OCEANPAYMENT_TERMINALS and never uses
 * this list.
 */

export interface KnownTerminal {
  /** Oceanpayment terminal number, 8–12 digits. */
  readonly terminal: string
  /** Sandbox-only signing secret. */
  readonly secureCode: string
  readonly name: string
}

export interface KnownMerchant {
  /** Oceanpayment account number (商户号), 6 digits. */
  readonly account: string
  /** 主账号名称 shown on the Me page. */
  readonly name: string
  readonly terminals: readonly KnownTerminal[]
}

/** Published in Oceanpayment's own request examples; requests built exactly like them must be accepted. */
export const SANDBOX_TEST_MERCHANT: KnownMerchant = {
  account: '995378',
  name: 'Oceanpayment Sandbox Test',
  terminals: [{ terminal: '99537801', secureCode: '12345678', name: 'Sandbox test terminal' }],
}

export const DEMO_MERCHANT: KnownMerchant = {
  account: '140105',
  name: '海洋示范贸易有限公司',
  terminals: [
    { terminal: '14010588', secureCode: 'demo14010588sc', name: 'Web store' },
    { terminal: '14010501', secureCode: 'demo14010501sc', name: 'Mobile store' },
    { terminal: '14010502', secureCode: 'demo14010502sc', name: 'Marketplace' },
  ],
}

export const SECOND_MERCHANT: KnownMerchant = {
  account: '150207',
  name: 'Harbour Outdoor Goods Ltd.',
  terminals: [
    { terminal: '15020701', secureCode: 'demo15020701sc', name: 'Web store' },
    { terminal: '15020702', secureCode: 'demo15020702sc', name: 'Wholesale' },
  ],
}

export const KNOWN_MERCHANTS: readonly KnownMerchant[] = [SANDBOX_TEST_MERCHANT, DEMO_MERCHANT, SECOND_MERCHANT]
