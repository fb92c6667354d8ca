import type { IssuePosition } from "@/db/positions";
import { formatPosition } from "../_lib/format";
import { TableHead } from "./TableHead";

/** The issue × actor positions, exactly the numbers the position chart draws, plus n and the gap. */
export function PositionTable({ positions, caption }: { positions: IssuePosition[]; caption: string }) {
  const issues = [...new Set(positions.map((p) => p.issueSlug))];
  const cell = (slug: string, actor: "us" | "co") => positions.find((p) => p.issueSlug === slug && p.actorId === actor);
  return (
    <table className="data-table wide">
      <caption>{caption}</caption>
      <TableHead columns={["Issue", "United States", "US stances (scored)", "Colombia", "Colombia stances (scored)", "Gap", "Axis (− … +)"]} />
      <tbody>
        {issues.map((slug) => {
          const us = cell(slug, "us");
          const co = cell(slug, "co");
          return (
            <tr key={slug}>
              <th scope="row">
                <a href={`/issues/${slug}`}>{us?.issueLabel}</a>
              </th>
              <td className="num">{formatPosition(us?.position ?? null)}</td>
              <td className="num">
                {us?.stances} ({us?.scoredStances})
              </td>
              <td className="num">{formatPosition(co?.position ?? null)}</td>
              <td className="num">
                {co?.stances} ({co?.scoredStances})
              </td>
              <td className="num">{us?.gap === null || us?.gap === undefined ? "—" : us.gap.toFixed(2)}</td>
              <td>{us?.poleNegative ? `${us.poleNegative} … ${us.polePositive}` : "no axis (other issue)"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
