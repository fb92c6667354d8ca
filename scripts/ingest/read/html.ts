import { createRequire } from "node:module";
import type * as ReadabilityModule from "@mozilla/readability";
import type * as Linkedom from "linkedom";
import { normalizeDate } from "../dates";
import { LANGUAGES, type Language } from "../language";
import { DocumentError, type FormatReading, type StatedMetadata } from "./document";
import { htmlToMarkdown } from "./markdown";

const load = createRequire(import.meta.url);
let libraries: { parseHTML: typeof Linkedom.parseHTML; Readability: typeof ReadabilityModule.Readability } | null = null;
/** linkedom and Readability take a third of a second to load: loaded for the first web page, not when the CLI starts. */
function htmlLibraries() {
  libraries ??= {
    parseHTML: (load("linkedom") as typeof Linkedom).parseHTML,
    Readability: (load("@mozilla/readability") as typeof ReadabilityModule).Readability,
  };
  return libraries;
}

/** Page chrome removed before the article is chosen: never part of what a page says. */
const CHROME_TAGS = "script, style, noscript, template, iframe, object, svg, canvas, form, button, select, nav, aside, dialog";
const CHROME_ROLES = ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar"];
/** Class or id words of boxes around an article: cookie and consent banners, sharing, related links, promotions. */
const CHROME_NAME =
  /(?:^|[-_\s])(?:cookies?|consent|gdpr|newsletter|subscribe|subscription|related|share|sharing|social|promo|promotion|advert|ads?|sponsored|breadcrumbs?|paywall|popup|modal|banner|sidebar|comments?)(?:$|[-_\s])/i;

const DATE_META = [
  "article:published_time",
  "og:published_time",
  "datePublished",
  "date",
  "pubdate",
  "publishdate",
  "dc.date",
  "dc.date.issued",
  "dcterms.created",
  "citation_publication_date",
];

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const nameOf = (value: unknown): string | undefined => {
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => Boolean(n));
    return names.length ? names.join(", ") : undefined;
  }
  return text(value) ?? (value && typeof value === "object" ? text((value as { name?: unknown }).name) : undefined);
};

/** schema.org Article data a page embeds as JSON-LD (news sites state date, author and publisher there). */
function jsonLdArticle(document: Document): JsonLdArticle {
  const found: JsonLdArticle = {};
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const nodes: unknown[] = Array.isArray(data) ? data : [data, ...((data as { "@graph"?: unknown[] })?.["@graph"] ?? [])];
    for (const node of nodes) {
      if (!node || typeof node !== "object") continue;
      const item = node as Record<string, unknown>;
      const type = [item["@type"]].flat().map(String);
      if (!type.some((t) => /Article|Posting|Report/.test(t))) continue;
      found.headline ??= text(item.headline);
      found.datePublished ??= text(item.datePublished);
      found.author ??= nameOf(item.author);
      found.publisher ??= nameOf(item.publisher);
    }
  }
  return found;
}

function metaContent(document: Document, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const meta of document.querySelectorAll("meta")) {
    const name = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop") ?? "").toLowerCase();
    if (name === lower) {
      const content = text(meta.getAttribute("content"));
      if (content) return content;
    }
  }
  return undefined;
}

/** What a saved web page states about itself, each value from the page's own metadata. */
function pageMetadata(document: Document): StatedMetadata {
  const ld = jsonLdArticle(document);
  const stated: StatedMetadata = {
    title: metaContent(document, "og:title") ?? ld.headline ?? text(document.querySelector("title")?.textContent),
    outlet: metaContent(document, "og:site_name") ?? ld.publisher ?? metaContent(document, "application-name"),
    author: metaContent(document, "author") ?? ld.author,
  };
  for (const key of DATE_META) {
    const value = metaContent(document, key);
    const date = value ? normalizeDate(value) : null;
    if (date) {
      stated.published = { date, evidence: `<meta ${key}>` };
      break;
    }
  }
  const ldDate = ld.datePublished ? normalizeDate(ld.datePublished) : null;
  if (!stated.published && ldDate) stated.published = { date: ldDate, evidence: "JSON-LD datePublished" };
  const timeElement = document.querySelector("time[pubdate][datetime], article time[datetime]");
  const timeDate = timeElement ? normalizeDate(timeElement.getAttribute("datetime") ?? "") : null;
  if (!stated.published && timeDate) stated.published = { date: timeDate, evidence: "<time datetime>" };

  const canonical = text(document.querySelector('link[rel~="canonical"]')?.getAttribute("href"));
  const ogUrl = metaContent(document, "og:url");
  if (canonical) stated.url = { value: canonical, evidence: "canonical link" };
  else if (ogUrl) stated.url = { value: ogUrl, evidence: "og:url" };
  return stated;
}

function pageLanguage(document: Document): Language | null {
  const value = document.documentElement?.getAttribute("lang")?.slice(0, 2).toLowerCase() ?? "";
  return (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : null;
}

function removeChrome(document: Document): void {
  const doomed = new Set<Element>(document.querySelectorAll(CHROME_TAGS));
  for (const role of CHROME_ROLES) for (const el of document.querySelectorAll(`[role="${role}"]`)) doomed.add(el);
  for (const el of document.querySelectorAll('[aria-modal="true"], [hidden], [aria-hidden="true"]')) doomed.add(el);
  for (const el of document.querySelectorAll("header, footer")) if (!el.closest("article, main")) doomed.add(el);
  for (const el of document.querySelectorAll("[class], [id]")) {
    if (el.matches("html, body, main, article")) continue;
    if (CHROME_NAME.test(el.getAttribute("class") ?? "") || CHROME_NAME.test(el.getAttribute("id") ?? "")) doomed.add(el);
  }
  for (const el of doomed) el.remove();
}

/**
 * A saved web page: its metadata from <head>, then the article alone, chosen by Mozilla's
 * Readability (the Firefox reader view) after the page chrome is removed, rendered as Markdown.
 */
export function readHtml(file: string, html: string): FormatReading {
  const { parseHTML, Readability } = htmlLibraries();
  const { document } = parseHTML(html);
  const stated = pageMetadata(document);
  const lang = pageLanguage(document);
  removeChrome(document);
  const article = new Readability(document).parse();
  const markdown = article?.content ? htmlToMarkdown(article.content) : "";
  if (markdown.trim() === "") throw new DocumentError(file, null, "the page has no readable article text");
  if (!stated.author && article?.byline) stated.author = article.byline.replace(/^\s*(?:by|por)\s+/i, "").trim();
  return { text: markdown, body: markdown, stated, lang, pageLines: null, warnings: [] };
}
