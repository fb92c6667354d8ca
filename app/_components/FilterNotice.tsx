import { useTranslations } from "next-intl";

/** Tells the reader which URL filter values were not understood and so ignored. */
export function FilterNotice({ ignored }: { ignored: string[] }) {
  const t = useTranslations("filters");
  if (ignored.length === 0) return null;
  // An address can repeat a parameter thousands of times; the first few say what went wrong.
  const values = ignored.slice(0, 10).map((v) => `“${v}”`);
  if (ignored.length > 10) values.push("…");
  return (
    <p className="notice" role="status">
      {t("ignored", { count: ignored.length, values: values.join(", ") })}
    </p>
  );
}
