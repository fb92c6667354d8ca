import { describe, expect, it } from "vitest";
import { badAddressPage, noDataPage } from "../../app/_lib/plain-page";
import { allValues, ignoreOthers, pickAllowed, pickEvidence } from "../../app/_lib/search-params";
import { createNonce, pageContentSecurityPolicy, RESOURCE_CONTENT_SECURITY_POLICY } from "../../app/_lib/security-headers";

describe("Content-Security-Policy", () => {
  it("lets a page run only its own nonced scripts, never eval, and never be framed", () => {
    expect(pageContentSecurityPolicy("abc")).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self' 'nonce-abc'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("allows eval in development only, where React's error overlay needs it", () => {
    expect(pageContentSecurityPolicy("abc", true)).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval';");
  });

  it("runs nothing at all in downloads and Next's files", () => {
    expect(RESOURCE_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("page query parameters", () => {
  // Next hands pages a plain object: a key like "constructor" must never read Object.prototype.
  const query = (entries: [string, string | string[]][]) => Object.fromEntries(entries);

  it.each([
    ["constructor", []],
    ["__proto__", []],
    ["toString", []],
    ["kind", ["table"]],
  ])("reads only own keys: %s → %j", (key, values) => {
    expect(allValues(query([["kind", "table"]]), key)).toEqual(values);
  });

  it("keeps allowed values once and reports the others, shortened", () => {
    const ignored: string[] = [];
    const kinds = pickAllowed(query([["kind", ["table", "chart", "table", "x".repeat(500)]]]), "kind", ["table", "list"], ignored);
    expect(kinds).toEqual(["table"]);
    expect(ignored).toEqual(["kind=chart", `kind=${"x".repeat(55)}…`]);
  });

  it("reports every value as ignored when nothing is allowed (an empty corpus)", () => {
    const ignored: string[] = [];
    expect(pickAllowed(query([["document", "a"]]), "document", [], ignored)).toEqual([]);
    expect(ignored).toEqual(["document=a"]);
  });

  it("takes the first known evidence value and reports the rest", () => {
    const ignored: string[] = [];
    expect(pickEvidence(query([["evidence", ["structured", "all", "bogus"]]]), ignored)).toBe("structured");
    expect(ignored).toEqual(["evidence=bogus", "evidence=all"]);
  });

  it("reports parameters the page does not read, prototype names included", () => {
    const ignored: string[] = [];
    const params = query([
      ["evidence", "all"],
      ["chart", "bar"],
      ["constructor", "1"],
    ]);
    Object.defineProperty(params, "__proto__", { value: "1", enumerable: true });
    ignoreOthers(params, ["evidence"], ignored);
    expect(ignored).toEqual(["chart", "constructor", "__proto__"]);
  });
});

describe("pages the proxy answers itself", () => {
  it.each([
    ["en", "No data yet", "Run <code>npm run ingest</code>"],
    ["es", "Aún no hay datos", "Ejecute <code>npm run ingest</code>"],
  ] as const)("without a database, in %s: says to run the ingest", (locale, heading, command) => {
    const html = noDataPage(locale);
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).toContain(command);
  });

  it("names the malformed part of an address, escaped and shortened", () => {
    const html = badAddressPage("es", `%ff<script>${"x".repeat(200)}`);
    expect(html).toContain("<h1>No se puede leer esta dirección</h1>");
    expect(html).toContain(`“%ff&#60;script&#62;${"x".repeat(69)}”`);
    expect(html).not.toContain("<script>");
    expect(html).toContain('<a href="/es">resumen</a>');
  });
});
