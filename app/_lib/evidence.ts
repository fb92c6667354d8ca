import type { Tally } from "@/db/positions";

type EvidenceMessages = (key: "tables" | "lists" | "prose" | "none", values?: { count: number }) => string;

/** The evidence a position rests on, by kind: "4 tables · 2 lists · 15 prose" ("evidence" messages of either locale). */
export function evidenceKinds(t: EvidenceMessages, tally: Pick<Tally, "tableStances" | "listStances" | "proseStances">): string {
  const parts = [
    tally.tableStances ? t("tables", { count: tally.tableStances }) : null,
    tally.listStances ? t("lists", { count: tally.listStances }) : null,
    tally.proseStances ? t("prose", { count: tally.proseStances }) : null,
  ].filter((part) => part !== null);
  return parts.length ? parts.join(" · ") : t("none");
}
