import createNextIntlPlugin from "next-intl/plugin";

/** Headers every response carries (README § Security). */
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  // Outlets linked from a source page learn only that a reader came from this site, never which page.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // The proxy reads the address exactly as the reader's browser sent it (still percent-encoded, on the
  // server's own origin), so it decodes every segment once and its rewrites stay on this server.
  skipProxyUrlNormalize: true,
  // Next's own trailing-slash redirect answers before any header is set; the proxy redirects instead.
  skipTrailingSlashRedirect: true,
  // On every response, Next's own redirects and files included; the proxy adds each response's Content-Security-Policy.
  headers: async () => [{ source: "/:path*", headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }],
};

// Points next-intl at the request configuration: the locale from the URL and its messages.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
