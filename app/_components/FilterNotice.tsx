import { useTranslations } from "next-intl";

/** Tells the reader which URL filter values were not understood and so ignored. */
export function FilterNotice({ ignored }: { ignored: string[] }) {
  const t = useTranslations("filters");
  if (ignored.length === 0) return null;
  return (
    <p className="notice" role="status">
      {t("ignored", { count: ignored.length, values: ignored.map((v) => `“${v}”`).join(", ") })}
    </p>
  );
}
