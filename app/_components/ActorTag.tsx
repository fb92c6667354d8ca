import { useTranslations } from "next-intl";
import type { ActorKey } from "./series";

/** The government's short tag (US, CO) beside its colour, so a stance is never told by colour alone. */
export function ActorTag({ actor }: { actor: ActorKey }) {
  const t = useTranslations("actors");
  return <span className={`actor-tag actor-tag-${actor}`}>{actor === "us" ? t("us") : t("co")}</span>;
}
