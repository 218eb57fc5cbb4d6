// @ts-check
/**
 * Headers for every response. The trade-off, written down: our pages are static HTML built once,
 * and Next.js inlines small bootstrap scripts whose content differs per page and per build, so a
 * nonce would force every page to render per request, and hashes cannot be known when these
 * headers are fixed. We keep static pages and allow inline scripts ('unsafe-inline') — while
 * everything else is locked to our own origin: no third-party origin anywhere, no eval (only
 * 'wasm-unsafe-eval' for the TF.js WASM backend), no plugins, no framing, forms post only to us.
 * The HTML carries no user input but the typed address on the signup result page, which React escapes.
 */
/** @param {boolean} https @returns {string} */
export function contentSecurityPolicy(https) {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** @param {string} siteUrl @returns {{ key: string; value: string }[]} */
export function securityHeaders(siteUrl) {
  const https = siteUrl.startsWith("https://");
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(https) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=(), interest-cohort=()" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
