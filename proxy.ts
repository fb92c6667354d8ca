import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

/** Redirects a path without a locale (/, /issues/energy?kind=table) to the reader's locale, query kept. */
export default createMiddleware(routing);

export const config = {
  // Downloads stay unlocalized (stable column names), and Next's own files need no locale.
  matcher: "/((?!api/|_next/|_vercel/|favicon\\.ico).*)",
};
