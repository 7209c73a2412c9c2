/** The time bounds of a signed request, shared by the signature check and the session's idle rule. */

/** How far a request's timestamp may be from the server's clock, either way. */
export const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000
/** Long enough that a nonce is remembered for as long as any request carrying it could pass the window. */
export const NONCE_RETENTION_MS = 2 * TIMESTAMP_WINDOW_MS
