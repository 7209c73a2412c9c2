/**
 * H5 only (csp-safe-links.h5.ts): the mini-program has no links to guard. A no-op here, so app.ts calls it on
 * every platform.
 */
export function keepLinksCspSafe(): void {}
