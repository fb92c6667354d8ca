import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { listIssues } from "@/db/queries";
import { routing } from "@/i18n/routing";
import { ErrorWordsProvider } from "../_components/ErrorWords";
import { LanguageSwitch } from "../_components/LanguageSwitch";
import { SearchBox } from "../_components/SearchBox";
import { inLocale, localePath } from "../_lib/locale";
import { issuePath } from "../_lib/paths";
import "../globals.css";

// Every page reads the SQLite database: render per request, never freeze data at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return { title: { default: t("title"), template: t("template") }, description: t("description") };
}

/** The codebook issues for the menu; an empty menu (not an error page) while there is no database yet. */
function listNavigationIssues() {
  try {
    return listIssues().filter((issue) => issue.kind === "codebook");
  } catch {
    return [];
  }
}

export default async function RootLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const t = await getTranslations("layout");
  const te = await getTranslations("error");
  const issues = listNavigationIssues();
  return (
    <html lang={locale}>
      <body>
        <ErrorWordsProvider words={{ heading: te("heading"), explanation: te.rich("explanation", { code: (chunks) => <code>{chunks}</code> }), retry: te("retry") }}>
          <a className="skip-link" href="#content">
            {t("skipToContent")}
          </a>
          <header className="site-header">
            <a href={localePath(locale, "/")} className="brand">
              {t("brand")}
            </a>
            <span className="tagline">{t("tagline")}</span>
            <SearchBox />
            <LanguageSwitch locale={locale} label={t("language")} names={{ en: t("languageNames.en"), es: t("languageNames.es") }} />
            <nav aria-label={t("mainNavigation")} className="main-nav">
              <a href={localePath(locale, "/")}>{t("overview")}</a>
              {issues.map((issue) => (
                <a key={issue.slug} href={localePath(locale, issuePath(issue.slug))}>
                  {inLocale(locale, issue.label, issue.labelEs)}
                </a>
              ))}
              <a href={localePath(locale, "/compare")}>{t("compare")}</a>
              <a href={localePath(locale, "/sources")}>{t("sources")}</a>
            </nav>
          </header>
          <main id="content">{children}</main>
        </ErrorWordsProvider>
      </body>
    </html>
  );
}
