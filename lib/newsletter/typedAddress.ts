/**
 * The address a reader typed, carried from a refused form POST to the result page that shows it
 * again: a cookie scoped to that page for one minute, so it never appears in a URL.
 */
export const TYPED_ADDRESS_COOKIE = "lm-typed-address";

export function typedAddressCookie(typed: string): string {
  return `${TYPED_ADDRESS_COOKIE}=${encodeURIComponent(typed.slice(0, 254))}; Path=/newsletter/result; Max-Age=60; HttpOnly; SameSite=Lax`;
}
