import { useLocale, useTranslations } from "next-intl";
import type { SearchHit } from "@/db/queries";
import { sourceHref } from "../_lib/format";
import { inLocale } from "../_lib/locale";
import { ActorTag } from "./ActorTag";
import { Marked } from "./Marked";
import { type Poles, PositionNote, useCitation } from "./StanceItem";

/**
 * One search hit: what it is (a government's stance on an issue, or a line of a document), the passage with
 * the matched words marked, and a citation that opens the document at the passage's line.
 */
export function SearchResult({ hit, poles }: { hit: SearchHit; poles: Poles }) {
  const t = useTranslations("search");
  const locale = useLocale();
  const cite = useCitation();
  const { stance, document } = hit;
  const kinds = { table: t("stanceKind.table"), list: t("stanceKind.list"), prose: t("stanceKind.prose") };
  const href = sourceHref(locale, document.slug, hit.lineStart);
  return (
    <li className={`stance search-hit ${stance ? `stance-${stance.actorId}` : "search-hit-text"}`} data-match={hit.match}>
      <p className="search-hit-what">
        {stance ? (
          <>
            <ActorTag actor={stance.actorId} /> {inLocale(locale, stance.actorLabel, stance.actorLabelEs)} · {inLocale(locale, stance.issueLabel, stance.issueLabelEs)} ·{" "}
            {kinds[stance.kind]}
            {hit.holder ? (
              <>
                {" "}
                · {t("heldBy")} <Marked snippet={hit.holder} />
              </>
            ) : null}
          </>
        ) : (
          t("documentText")
        )}
      </p>
      <p className="search-snippet" lang={document.lang}>
        <Marked snippet={hit.snippet} />
      </p>
      {stance ? (
        <p className="stance-meta">
          <PositionNote stance={stance} poles={poles} />
        </p>
      ) : null}
      <p className="stance-source">
        <a className="citation" href={href}>
          {cite(document, stance ?? { kind: "prose", lineStart: hit.lineStart, lineEnd: hit.lineEnd })}
        </a>
      </p>
    </li>
  );
}
