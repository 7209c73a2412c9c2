/**
 * WeChat's rules for the value of each subscribe-message template field, by type (订阅消息参数值内容限制,
 * developers.weixin.qq.com/miniprogram/dev/framework/open-ability/subscribe-message.html; docs/push.md). A field's
 * type is the prefix of its key: `thing3` is a thing, `character_string1` a character_string. WeChat answers 47003
 * ("argument invalid! data.thing3.value …") to a value that breaks them, so the sender checks every value first,
 * and the emulator answers 47003 exactly where this says no.
 */

export const FIELD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const

export type FieldType = (typeof FIELD_TYPES)[number]

/** `character_string12` → character_string; undefined for a key no template can have. */
export function fieldTypeOf(key: string): FieldType | undefined {
  const match = /^([a-z_]+?)(\d+)$/.exec(key)
  if (match === null) return undefined
  return (FIELD_TYPES as readonly string[]).includes(match[1]) ? (match[1] as FieldType) : undefined
}

/** Characters, as WeChat counts them: code points (an emoji is one, not two UTF-16 units). */
const length = (value: string): number => [...value].length

/** WeChat: no line breaks or other control characters in any field. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u
const HAN = /^\p{Script=Han}+$/u
/** "Symbols" are the common symbols other than Chinese, English letters and digits: printable ASCII punctuation. */
const SYMBOLS = /^[!-/:-@[-`{-~]+$/
const CHARACTER_STRING = /^[!-~]+$/
const CLOCK = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?'
const DAY = '(?:\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}年\\d{1,2}月|\\d{1,2}月\\d{1,2}日|\\d{4}([-/.])\\d{1,2}\\1\\d{1,2}|\\d{4}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2})'
/** A time: HH:MM(:SS), optionally after a date; a period is two of them joined by "~". */
const TIME_POINT = `(?:${DAY} ?)?${CLOCK}`
const DATE_POINT = `${DAY}(?: ?${CLOCK})?`
const TIME = new RegExp(`^${TIME_POINT}(?:~${TIME_POINT})?$`)
const DATE = new RegExp(`^${DATE_POINT}(?:~${DATE_POINT})?$`)
/** One currency symbol, at most 10 digits (decimals allowed), optionally 元 at the end. */
const AMOUNT = /^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$/u

/** Why a value breaks its type's rule; undefined when WeChat takes it as is. */
export function fieldProblem(type: FieldType, value: string): string | undefined {
  if (value === '') return 'is empty'
  if (CONTROL.test(value)) return 'holds a control character'
  const size = length(value)
  switch (type) {
    case 'thing':
      return size <= 20 ? undefined : 'is longer than 20 characters'
    case 'number':
      return size <= 32 && /^\d+(?:\.\d+)?$/.test(value) ? undefined : 'is not a number of at most 32 digits'
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? undefined : 'is not at most 32 letters'
    case 'symbol':
      return size <= 5 && SYMBOLS.test(value) ? undefined : 'is not at most 5 symbols'
    case 'character_string':
      return size <= 32 && CHARACTER_STRING.test(value) ? undefined : 'is not at most 32 digits, letters or symbols'
    case 'time':
      return TIME.test(value) ? undefined : 'is not a 24-hour time (HH:MM or HH:MM:SS, optionally after a date)'
    case 'date':
      return DATE.test(value) ? undefined : 'is not a date (optionally with a 24-hour time)'
    case 'amount':
      return AMOUNT.test(value) ? undefined : 'is not one currency symbol and a number of at most 10 digits'
    case 'phone_number':
      return size <= 17 && /^[\d+\-() ]+$/.test(value) ? undefined : 'is not a phone number of at most 17 digits and symbols'
    case 'car_number':
      return size <= 8 && /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(value)
        ? undefined
        : 'is not a plate number of at most 8 characters'
    case 'name':
      return (HAN.test(value) && size <= 10) || (/^[A-Za-z .·'-]+$/.test(value) && size <= 20)
        ? undefined
        : 'is not a name of at most 10 Chinese characters or 20 letters'
    case 'phrase':
      return size <= 5 && HAN.test(value) ? undefined : 'is not at most 5 Chinese characters'
  }
}

/**
 * A thing that is too long is shortened to 19 characters and "…" (it is prose: the reader still learns what it is
 * about, and the message detail page has it whole). Other types are never shortened: a cut order number or time
 * would be a wrong one, so the caller refuses instead.
 */
export function fitThing(value: string): string {
  const chars = [...value.replace(/\s+/g, ' ').trim()]
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`
}
