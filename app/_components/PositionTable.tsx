import { useLocale, useTranslations } from "next-intl";
import type { IssuePosition } from "@/db/positions";
import { evidenceKinds } from "../_lib/evidence";
import { inLocale, localePath, localPoles } from "../_lib/locale";
import { issuePath } from "../_lib/paths";
import { useFormat } from "../_lib/use-format";
import type { ActorNames } from "./series";
import { TableHead } from "./TableHead";

/** The issue × actor positions, exactly the numbers the position chart draws, plus n and the gap. */
export function PositionTable({ positions, caption, actorNames }: { positions: IssuePosition[]; caption: string; actorNames: ActorNames }) {
  const t = useTranslations("positionTable");
  const te = useTranslations("evidence");
  const counts = (p: IssuePosition | undefined) =>
    p
      ? t("countsByKind", { stances: format.count(p.stances), scored: format.count(p.scoredStances), kinds: evidenceKinds(te, p) })
      : t("counts", { stances: format.count(0), scored: format.count(0) });
  const locale = useLocale();
  const format = useFormat();
  const issues = [...new Set(positions.map((p) => p.issueSlug))];
  // No stance at all is not the same as stances that matched no cue ("not scored").
  const position = (p: IssuePosition | undefined) => (p && p.stances > 0 ? format.position(p.position) : t("noStances"));
  const columns = [
    t("issue"),
    actorNames.us,
    t("stancesScored", { actor: actorNames.us }),
    actorNames.co,
    t("stancesScored", { actor: actorNames.co }),
    t("gap"),
    t("axis"),
  ];
  const cell = (slug: string, actor: "us" | "co") => positions.find((p) => p.issueSlug === slug && p.actorId === actor);
  return (
    <table className="data-table wide stack">
      <caption>{caption}</caption>
      <TableHead columns={columns} />
      <tbody>
        {issues.map((slug) => {
          const us = cell(slug, "us");
          const co = cell(slug, "co");
          const poles = us ? localPoles(locale, us) : null;
          return (
            <tr key={slug}>
              <th scope="row">
                <a href={localePath(locale, issuePath(slug))}>{us ? inLocale(locale, us.issueLabel, us.issueLabelEs) : slug}</a>
              </th>
              <td className="num" data-label={columns[1]}>
                {position(us)}
              </td>
              <td className="num" data-label={columns[2]}>
                {counts(us)}
              </td>
              <td className="num" data-label={columns[3]}>
                {position(co)}
              </td>
              <td className="num" data-label={columns[4]}>
                {counts(co)}
              </td>
              <td className="num" data-label={columns[5]}>
                {format.gap(us?.gap ?? null)}
              </td>
              <td data-label={columns[6]}>{poles?.negative ? `${poles.negative} … ${poles.positive ?? ""}` : t("noAxis")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
