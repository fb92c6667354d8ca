import { existsSync } from "node:fs";
import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { badAddressPage, noDataPage } from "./app/_lib/plain-page";
import { readRequestPath } from "./app/_lib/request-path";
import { createNonce, pageContentSecurityPolicy, RESOURCE_CONTENT_SECURITY_POLICY } from "./app/_lib/security-headers";
import { databasePath } from "./db/path";
import { routing } from "./i18n/routing";

/** Redirects a path without a locale (/, /issues/energy?kind=table) to the reader's locale, query kept. */
const localeRouting = createMiddleware(routing);

function secured(response: Response, policy: string): Response {
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function plain(status: number, body: string, type: string): Response {
  return secured(new Response(body, { status, headers: { "Content-Type": type, "Cache-Control": "no-store" } }), RESOURCE_CONTENT_SECURITY_POLICY);
}

/** Next's route for the path: the same path, or its rewrite with free-text segments as tokens. */
function forward(request: NextRequest, internal: string, headers?: Headers): NextResponse {
  const init = headers ? { request: { headers } } : undefined;
  const url = new URL(request.url);
  if (internal === url.pathname) return NextResponse.next(init);
  // On request.url's own origin (nextUrl writes 127.0.0.1 as localhost, which Next would proxy as another server).
  url.pathname = internal;
  return NextResponse.rewrite(url, init);
}

/**
 * Every request but Next's static files passes here: a trailing slash is redirected (Next's own redirect
 * would carry no headers); a path with malformed percent-encoding is answered 400 (Next itself would answer
 * 500); pages get a fresh nonce in their Content-Security-Policy, the locale redirect and a 503 while there
 * is no database; free-text segments reach the routes as tokens. next.config.js adds the other security
 * headers to every response.
 */
export default function proxy(request: NextRequest): Response {
  const { pathname } = new URL(request.url);
  if (pathname.length > 1 && pathname.endsWith("/")) {
    const url = new URL(request.url);
    url.pathname = pathname.replace(/\/+$/, "") || "/";
    return secured(NextResponse.redirect(url, 308), RESOURCE_CONTENT_SECURITY_POLICY);
  }
  const path = readRequestPath(pathname);
  if (path.kind === "malformed") {
    if (pathname.startsWith("/api/"))
      return plain(400, JSON.stringify({ error: { status: 400, parameter: null, message: `the address has malformed percent-encoding: "${path.segment.slice(0, 80)}"` } }), "application/json; charset=utf-8");
    const locale = routing.locales.find((l) => pathname.startsWith(`/${l}/`) || pathname === `/${l}`) ?? routing.defaultLocale;
    return plain(400, badAddressPage(locale, path.segment), "text/html; charset=utf-8");
  }
  if (path.kind !== "page") return secured(forward(request, path.internal), RESOURCE_CONTENT_SECURITY_POLICY);

  const routed = localeRouting(request);
  if (routed.headers.has("Location")) return secured(routed, RESOURCE_CONTENT_SECURITY_POLICY);
  if (path.locale && !existsSync(databasePath())) return plain(503, noDataPage(path.locale), "text/html; charset=utf-8");

  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set("Content-Security-Policy", policy);
  const response = forward(request, path.internal, headers);
  const alternates = routed.headers.get("Link");
  if (alternates) response.headers.set("Link", alternates);
  return secured(response, policy);
}

export const config = {
  // Every path but Next's plainly named static files (the proxy made serving one five times dearer):
  // they get the other security headers from next.config.js, and a policy means nothing to a script or a
  // style sheet. A static path with anything else in it still comes here (`/_next/static/%ff` is a 400).
  matcher: "/((?!_next/static/[A-Za-z0-9_.~/-]+$).*)",
};
