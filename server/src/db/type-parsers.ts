/**
 * Where PGlite and node-postgres disagree on how to turn a column into a JS value, we pick one answer for both,
 * so code and tests never depend on which store they run on.
 */

/** Postgres type OIDs (pg_type.oid); stable across versions. */
export const PG_TYPE = {
  INT8: 20,
  DATE: 1082,
} as const

/**
 * int8 (bigint, count(*)): a string. pg already does this; PGlite would return a JS number, which silently
 * loses precision above 2^53. Cast to int in SQL (`count(*)::int`) when a number is wanted.
 *
 * date: the 'YYYY-MM-DD' text. Both drivers would otherwise build a Date at local midnight, which shifts the
 * calendar day (settlement dates!) depending on the server's time zone.
 */
export function keepAsText(value: string): string {
  return value
}

export const textParsedTypes: readonly number[] = [PG_TYPE.INT8, PG_TYPE.DATE]
