"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { type AppLocale, routing } from "@/i18n/routing";

interface Props {
  locale: AppLocale;
  label: string;
  /** Each language named in itself ("Español" on the English pages too), so a reader finds their own. */
  names: Record<AppLocale, string>;
}

/** The same page, filters and all, in each language; rendered on the server too, so it works without JavaScript. */
export function LanguageSwitch({ locale, label, names }: Props) {
  // The address as the reader sees it, its first segment the locale (every page is under one).
  const rest = usePathname().replace(/^\/[^/]+/, "");
  const query = useSearchParams().toString();
  return (
    <nav aria-label={label} className="language-switch">
      {routing.locales.map((other) => (
        <a key={other} href={`/${other}${rest}${query ? `?${query}` : ""}`} lang={other} hrefLang={other} aria-current={other === locale ? "true" : undefined}>
          {names[other]}
        </a>
      ))}
    </nav>
  );
}
