"use client";

import { useSearchParams } from "next/navigation";
import { useLocale } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { type AppLocale, routing } from "@/i18n/routing";

interface Props {
  label: string;
  /** Each language named in itself ("Español" on the English pages too), so a reader finds their own. */
  names: Record<AppLocale, string>;
}

/** The same page, filters and all, in each language; rendered on the server too, so it works without JavaScript. */
export function LanguageSwitch({ label, names }: Props) {
  const locale = useLocale();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const href = query ? `${pathname}?${query}` : pathname;
  return (
    <nav aria-label={label} className="language-switch">
      {routing.locales.map((other) => (
        <Link key={other} href={href} locale={other} lang={other} hrefLang={other} prefetch={false} aria-current={other === locale ? "true" : undefined}>
          {names[other]}
        </Link>
      ))}
    </nav>
  );
}
