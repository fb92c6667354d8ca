import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { type CitableDocument, type CitableLocation, citedLines, citedPlace } from "@/db/citation";
import type { StanceView } from "@/db/queries";
import { sourceHref } from "../_lib/format";
import { useFormat } from "../_lib/use-format";
import { ActorTag } from "./ActorTag";

/** The pole names in the reader's language, as the page shows them. */
export interface Poles {
  negative: string | null;
  positive: string | null;
}

/** How a position came about, in words: "scored +1.00: ‘militarization’ (negated by ‘De‑emphasize’) → development". */
export function PositionNote({ stance, poles }: { stance: StanceView; poles: Poles }) {
  const t = useTranslations("stance");
  const format = useFormat();
  const pole = (p: "negative" | "positive") => (p === "negative" ? (poles.negative ?? t("negativePole")) : (poles.positive ?? t("positivePole")));
  const cues = stance.cues
    .map((c) =>
      c.negatedBy === null
        ? t("cue", { matched: c.matched, pole: pole(c.pole) })
        : c.byCourse
          ? t("cueCourse", { matched: c.matched, by: c.negatedBy, pole: pole(c.pole) })
          : t("cueNegated", { matched: c.matched, negatedBy: c.negatedBy, pole: pole(c.pole) }),
    )
    .join("; ");
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  if (stance.positionSource === "override")
    return (
      <span className="position-note">
        {t.rich("override", { position: format.position(stance.overridePosition), note: stance.overrideNote ?? "", strong })}
        {stance.score !== null
          ? cues
            ? t("overrideDictionaryCues", { score: format.position(stance.score), cues })
            : t("overrideDictionary", { score: format.position(stance.score) })
          : ""}
      </span>
    );
  if (stance.score === null) return <span className="position-note">{poles.negative === null && poles.positive === null ? t("noAxis") : t("notScored")}</span>;
  return <span className="position-note">{t.rich("scored", { score: format.position(stance.score), cues, strong })}</span>;
}

/** A citation worded in the reader's language: "Title", Outlet, Feb 4, 2026, table 2 row 1, line 27. */
export function useCitation(): (doc: CitableDocument, at: CitableLocation) => string {
  const t = useTranslations("citation");
  const td = useTranslations("document");
  const format = useFormat();
  return (doc, at) => {
    const place = citedPlace(at);
    const where =
      place.kind === "table" ? (place.row ? t("tableRow", { table: place.table, row: place.row }) : t("table", { table: place.table })) : place.kind === "list" ? t("list") : t("text");
    const { startPage, start, endPage, end } = citedLines(doc, at);
    const lines = start === end ? t("line", { line: start }) : t("lines", { start, end });
    const onPages =
      startPage === null ? lines : startPage === endPage ? t("onPage", { page: startPage, lines }) : t("acrossPages", { startPage, start, endPage: endPage ?? startPage, end });
    return t("full", {
      title: doc.title ?? td("untitled", { slug: doc.slug }),
      outlet: doc.outlet ?? t("outletNotStated"),
      published: doc.published ? format.date(doc.published) : t("undated"),
      where,
      lines: onPages,
    });
  };
}

export function Citation({ stance }: { stance: StanceView }) {
  const t = useTranslations("citation");
  const td = useTranslations("document");
  const locale = useLocale();
  const cite = useCitation();
  const doc = {
    slug: stance.documentSlug,
    title: stance.documentTitle,
    outlet: stance.documentOutlet,
    published: stance.documentPublished,
    pageLines: stance.documentPageLines,
  };
  return (
    <a
      className="citation"
      href={sourceHref(locale, stance.documentSlug, stance.lineStart)}
      title={t("open", { document: doc.title ?? td("untitled", { slug: doc.slug }), line: stance.lineStart })}
    >
      {cite(doc, stance)}
    </a>
  );
}

export function StanceItem({ stance, poles }: { stance: StanceView; poles: Poles }) {
  return (
    <li className={`stance stance-${stance.actorId}`} id={`stance-${stance.key}`} data-stance={stance.key}>
      <p className="stance-text">
        <ActorTag actor={stance.actorId} /> <span lang={stance.documentLang}>“{stance.text}”</span>
      </p>
      <p className="stance-meta">
        <PositionNote stance={stance} poles={poles} />
      </p>
      <p className="stance-source">
        <Citation stance={stance} />
      </p>
    </li>
  );
}
