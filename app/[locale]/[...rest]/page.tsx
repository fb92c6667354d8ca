import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("heading") };
}

/** Any other path under a locale is a 404 in that locale, with the site's header and language switch. */
export default function UnknownPage() {
  notFound();
}
