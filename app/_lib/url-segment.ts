import { z } from "zod";

/**
 * Free-text path segments (a document's name, an issue's slug, a download's file name) reach the app as
 * base64url tokens: the proxy decodes what the reader's address says exactly once and hands the app the
 * token, because Next.js passes such a segment on re-encoded without its "%" (so `Bogot%25C3%25A1` and
 * `Bogot%C3%A1` arrived as one value) and fails with a 500 on a "%" of its own (`/sources/100%25`).
 */

/** The longest decoded segment worth looking up: file names stop at 255 bytes. */
export const MAX_SEGMENT_CHARS = 1024;

/** A path segment as the reader wrote it, decoded once; null when its percent-encoding is malformed. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The token the proxy passes for a decoded segment. */
export function segmentToken(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url");
}

/** A token back to its segment; only tokens segmentToken makes are accepted, so no two addresses share one. */
export const segmentParam = z
  .string()
  .max(Math.ceil((MAX_SEGMENT_CHARS * 3 * 4) / 3))
  .regex(/^[A-Za-z0-9_-]+$/)
  .transform((token, context) => {
    const value = Buffer.from(token, "base64url").toString("utf8");
    if (segmentToken(value) !== token || value.length > MAX_SEGMENT_CHARS) {
      context.addIssue({ code: "custom", message: "not a segment token" });
      return z.NEVER;
    }
    return value;
  });

/** The segment a route received, or null (the page answers 404) when it is not one the proxy made. */
export function routeSegment(token: string): string | null {
  const parsed = segmentParam.safeParse(token);
  return parsed.success ? parsed.data : null;
}
