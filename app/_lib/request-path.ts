import { type AppLocale, routing } from "@/i18n/routing";
import { decodeSegment, segmentToken } from "./url-segment";

/** What the proxy makes of a request's path (as the URL spells it, percent-encoded). */
export type RequestPath =
  /** A segment whose percent-encoding is malformed (`/issues/%`, `%ff`, `%E0%A4%A`): 400. */
  | { kind: "malformed"; segment: string }
  /** A page; `locale` is null when the path has none (next-intl redirects it). */
  | { kind: "page"; locale: AppLocale | null; internal: string }
  /** A download under /api/export. */
  | { kind: "download"; internal: string }
  /** Next's own files and anything else: served or 404 by Next. */
  | { kind: "other"; internal: string };

/** Downloads with a route of their own beside /api/export/<file>, matched by name. */
const NAMED_DOWNLOADS = new Set(["workbook.xlsx"]);

/** Segments a route reads as free text: /en/sources/<slug>, /en/issues/<slug>, /api/export/<file>, /api/export/tables/<file>. */
function isFreeSegment(decoded: string[], index: number): boolean {
  const [first, second, third] = decoded;
  if (first === "api" && second === "export")
    return decoded.length === 3 ? index === 2 && !NAMED_DOWNLOADS.has(third as string) : third === "tables" && decoded.length === 4 && index === 3;
  const locale = routing.locales.find((l) => l === first);
  return locale !== undefined && decoded.length === 3 && (second === "sources" || second === "issues") && index === 2;
}

/** Unreserved ASCII (RFC 3986) written without escapes: every route name, locale and Next asset name is. */
const PLAIN = /^[A-Za-z0-9._~-]*$/;

/**
 * Decodes every segment once (a malformed one is reported), and gives the path to hand to Next: free-text
 * segments as tokens (see url-segment.ts), and any other segment that is not plain as a token too, so
 * Next only ever sees plain segments and an odd one simply matches no route (404).
 */
export function readRequestPath(pathname: string): RequestPath {
  const raw = pathname.split("/").slice(1);
  const decoded: string[] = [];
  for (const segment of raw) {
    const value = decodeSegment(segment);
    if (value === null) return { kind: "malformed", segment };
    decoded.push(value);
  }
  const internal = `/${raw.map((segment, i) => (isFreeSegment(decoded, i) || !PLAIN.test(segment) ? segmentToken(decoded[i] as string) : segment)).join("/")}`;
  const [first, second] = decoded;
  if (first === "api") return second === "export" ? { kind: "download", internal } : { kind: "other", internal };
  if (first === "_next" || first === "favicon.ico") return { kind: "other", internal };
  return { kind: "page", locale: routing.locales.find((l) => l === first) ?? null, internal };
}
