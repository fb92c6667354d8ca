import { describe, expect, it } from "vitest";
import { externalHref, issuePath, sourcePath, sourceTableDownloadPath } from "../../app/_lib/paths";
import { readRequestPath } from "../../app/_lib/request-path";
import { decodeSegment, routeSegment, segmentToken } from "../../app/_lib/url-segment";

const token = segmentToken;

describe("segments", () => {
  it.each([
    ["Bogot%C3%A1", "Bogotá"],
    ["Bogot%c3%a1", "Bogotá"],
    ["Bogot%25C3%25A1", "Bogot%C3%A1"],
    ["100%25", "100%"],
    ["x%23y", "x#y"],
    ["a+b", "a+b"],
    ["a%2Fb", "a/b"],
    ["%", null],
    ["%ff", null],
    ["%E0%A4%A", null],
    ["%ED%A0%80", null],
    ["%C0%AF", null],
  ])("%s decodes once to %s (null: malformed)", (raw, decoded) => {
    expect(decodeSegment(raw)).toBe(decoded);
  });

  it.each(["Bogotá", "Bogot%C3%A1", "100%", "a b", "x#y", "why?", "a+b", "__proto__", "😀", "x".repeat(1024)])("%s round-trips through its token", (slug) => {
    expect(token(slug)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(routeSegment(token(slug))).toBe(slug);
  });

  it.each([
    ["a slug the proxy did not encode", "drug-policy"],
    ["a token padded by hand", `${token("ab")}=`],
    ["a token of bytes that are not UTF-8", Buffer.from([0xff, 0xfe]).toString("base64url")],
    ["an empty segment", ""],
    ["a segment over the length limit", token("x".repeat(1025))],
  ])("refuses %s (the page answers 404)", (_, value) => {
    expect(routeSegment(value)).toBeNull();
  });
});

describe("what the proxy makes of a path", () => {
  it.each([
    ["/en", { kind: "page", locale: "en", internal: "/en" }],
    ["/es/compare", { kind: "page", locale: "es", internal: "/es/compare" }],
    ["/issues/energy", { kind: "page", locale: null, internal: "/issues/energy" }],
    ["/en/issues/drug-policy", { kind: "page", locale: "en", internal: `/en/issues/${token("drug-policy")}` }],
    ["/en/sources/Bogot%C3%A1", { kind: "page", locale: "en", internal: `/en/sources/${token("Bogotá")}` }],
    ["/en/sources/Bogot%25C3%25A1", { kind: "page", locale: "en", internal: `/en/sources/${token("Bogot%C3%A1")}` }],
    ["/es/sources/100%25", { kind: "page", locale: "es", internal: `/es/sources/${token("100%")}` }],
    ["/en/sources/a/b", { kind: "page", locale: "en", internal: "/en/sources/a/b" }],
    ["/en/foo%25bar", { kind: "page", locale: "en", internal: `/en/${token("foo%bar")}` }],
    ["/fr/sources/x", { kind: "page", locale: null, internal: "/fr/sources/x" }],
    ["/api/export/stances.csv", { kind: "download", internal: `/api/export/${token("stances.csv")}` }],
    ["/api/export/tables/100%25-t1.csv", { kind: "download", internal: `/api/export/tables/${token("100%-t1.csv")}` }],
    ["/api/export/tables", { kind: "download", internal: `/api/export/${token("tables")}` }],
    ["/api/export/workbook.xlsx", { kind: "download", internal: "/api/export/workbook.xlsx" }],
    ["/api/other", { kind: "other", internal: "/api/other" }],
    ["/_next/static/chunks/a1.js", { kind: "other", internal: "/_next/static/chunks/a1.js" }],
    ["/_next/static/%E2%82%AC", { kind: "other", internal: `/_next/static/${token("€")}` }],
    ["/en/issues/%", { kind: "malformed", segment: "%" }],
    ["/en/issues/%ff", { kind: "malformed", segment: "%ff" }],
    ["/en/sources/%E0%A4%A", { kind: "malformed", segment: "%E0%A4%A" }],
    ["/_next/static/%ff", { kind: "malformed", segment: "%ff" }],
  ])("%s", (pathname, expected) => {
    expect(readRequestPath(pathname)).toEqual(expected);
  });
});

describe("links to names that need encoding", () => {
  it.each([
    ["Bogotá", "/sources/Bogot%C3%A1", "/api/export/tables/Bogot%C3%A1-t2"],
    ["Bogot%C3%A1", "/sources/Bogot%25C3%25A1", "/api/export/tables/Bogot%25C3%25A1-t2"],
    ["a b", "/sources/a%20b", "/api/export/tables/a%20b-t2"],
    ["x#y", "/sources/x%23y", "/api/export/tables/x%23y-t2"],
    ["why?", "/sources/why%3F", "/api/export/tables/why%3F-t2"],
    ["100%", "/sources/100%25", "/api/export/tables/100%25-t2"],
    ["a+b", "/sources/a%2Bb", "/api/export/tables/a%2Bb-t2"],
  ])("%s → %s and %s", (slug, source, table) => {
    expect(sourcePath(slug)).toBe(source);
    expect(sourceTableDownloadPath(slug, 2)).toBe(table);
  });

  it("encodes issue slugs the same way", () => {
    expect(issuePath("drug-policy")).toBe("/issues/drug-policy");
    expect(issuePath("other/trade")).toBe("/issues/other%2Ftrade");
  });

  it.each([
    ["https://example.org/a?b=1", "https://example.org/a?b=1"],
    ["http://example.org", "http://example.org/"],
    ["javascript:alert(1)", null],
    ["JavaScript:alert(1)", null],
    [" javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["vbscript:msgbox(1)", null],
    ["//evil.example/x", null],
    ["/relative", null],
    ["", null],
    [null, null],
  ])("a document address %s is linked as %s", (address, href) => {
    expect(externalHref(address)).toBe(href);
  });
});
