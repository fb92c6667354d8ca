/** The Content-Security-Policy of each response (the other security headers are set in next.config.js). */

/**
 * A page's policy. Scripts run only with this response's nonce (Next puts it on its own scripts and
 * inline data; 'strict-dynamic' lets those load their chunks), never from eval outside development (React
 * uses eval there for its error overlay). Style elements need the nonce too; style attributes are allowed,
 * as charts and their containers are sized with them. Images, fonts and fetches stay on this origin.
 */
export function pageContentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Everything that is not a page (downloads, scripts, styles, errors) is never a document that runs anything. */
export const RESOURCE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh nonce per page response: 128 random bits. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
