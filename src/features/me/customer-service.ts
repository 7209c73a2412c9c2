/**
 * Oceanpayment's customer service contacts, the same for every merchant (seed 000, chapter 2.3).
 * The seed's screenshot spells the email domain "ocenapayment"; we use the company's real domain.
 */
export const CUSTOMER_SERVICE = {
  phone: '4006-290-296',
  email: 'cs@oceanpayment.com.cn',
} as const

/** The dialler wants digits only. */
export function dialNumber(phone: string): string {
  return phone.replace(/[^\d+]/g, '')
}
