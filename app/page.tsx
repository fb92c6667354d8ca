import type { Metadata } from "next";
import { getCorpusSummary, listIssuePositions, listIssues, listRepresentativeStances } from "@/db/queries";
import { ActorBarChart } from "./_components/ActorBarChart";
import { ChartFigure } from "./_components/ChartFigure";
import { DownloadLinks } from "./_components/DownloadLinks";
import { PositionTable } from "./_components/PositionTable";
import { ACTOR_KEYS, ACTOR_SERIES } from "./_components/series";
import { StanceItem } from "./_components/StanceItem";
import { formatTimestamp } from "./_lib/format";
import { TableHead } from "./_components/TableHead";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  const summary = getCorpusSummary();
  const issues = listIssues();
  const positions = listIssuePositions();
  const representatives = listRepresentativeStances({});
  const codebookIssues = issues.filter((i) => i.kind === "codebook");
  const position = (slug: string, actor: "us" | "co") => positions.find((p) => p.issueSlug === slug && p.actorId === actor);
  const positionRows = codebookIssues.map((i) => ({ label: i.label, us: position(i.slug, "us")?.position ?? null, co: position(i.slug, "co")?.position ?? null }));
  const salienceRows = issues
    .filter((i) => positions.some((p) => p.issueSlug === i.slug))
    .map((i) => ({ label: i.label, us: position(i.slug, "us")?.stances ?? 0, co: position(i.slug, "co")?.stances ?? 0 }));
  const datasets = [
    { name: "Stances", path: "/api/export/stances", rows: summary.stances, what: "every stance with its position, cues and citation" },
    { name: "Issue positions", path: "/api/export/issues", rows: positions.length, what: "one row per issue × actor: position, counts, poles, gap" },
    { name: "Positions per document", path: "/api/export/document-positions", rows: summary.documentPositions, what: "one row per issue × document × actor" },
    { name: "Documents", path: "/api/export/documents", rows: summary.documents, what: "one row per document: metadata and counts" },
  ];

  return (
    <>
      <h1>Where the United States and Colombia stand</h1>
      <p className="lede">
        Positions of the two governments on {codebookIssues.length} issues, read from {summary.documents} documents: {summary.stances} stances
        ({summary.scoredStances} scored) from {summary.sourceTables} tables and the documents’ stance lists. Last ingest {formatTimestamp(summary.lastIngestAt)}.
      </p>
      <p className="legend-line">
        {ACTOR_KEYS.map((a) => (
          <span key={a} className={`legend-chip legend-${a}`}>
            <span className={`actor-tag actor-tag-${a}`}>{ACTOR_SERIES[a].short}</span> {ACTOR_SERIES[a].label}
          </span>
        ))}
      </p>

      <h2 id="charts">Positions and salience</h2>
      <section className="chart-grid" aria-labelledby="charts">
        <ChartFigure
          id="positions"
          title="Positions on each issue’s axis"
          description="Left of 0 is each issue’s negative pole (enforcement, fossil supply, pressure, deterrence); right is its positive pole (development, transition, engagement, humanitarian pathways). The distance between the bars is the gap."
          height={300}
          chart={<ActorBarChart mode="position" rows={positionRows} height={300} ariaLabel="Diverging bar chart of US and Colombian positions per issue" />}
          table={<PositionTable positions={positions.filter((p) => p.issueKind === "codebook")} caption="Position per issue and actor (logit scale)" />}
          downloads={<DownloadLinks path="/api/export/issues" />}
        />
        <ChartFigure
          id="salience"
          title="Salience: stances per issue"
          description="How many stances each government has on each issue in the documents."
          height={Math.max(220, 60 * salienceRows.length)}
          chart={<ActorBarChart mode="count" rows={salienceRows} height={Math.max(220, 60 * salienceRows.length)} ariaLabel="Bar chart of stance counts per issue and actor" />}
          table={
            <table className="data-table">
              <caption>Stances per issue and actor</caption>
              <TableHead columns={["Issue", "United States", "Colombia"]} />
              <tbody>
                {salienceRows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{r.us}</td>
                    <td className="num">{r.co}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
          downloads={<DownloadLinks path="/api/export/issues" />}
        />
      </section>

      <section aria-labelledby="side-by-side">
        <h2 id="side-by-side">Side by side</h2>
        <p className="section-note">For each issue, the stance that best stands for each government’s position, with its source.</p>
        {codebookIssues.map((issue) => (
          <article key={issue.slug} className="issue-pair">
            <h3>
              <a href={`/issues/${issue.slug}`}>{issue.label}</a>
            </h3>
            <p className="issue-description">{issue.description}</p>
            <div className="columns">
              {ACTOR_KEYS.map((actor) => {
                const stance = representatives.find((s) => s.issueSlug === issue.slug && s.actorId === actor);
                return (
                  <div key={actor} className={`column column-${actor}`}>
                    <h4>{ACTOR_SERIES[actor].label}</h4>
                    {stance ? (
                      <ul className="stance-list">
                        <StanceItem stance={stance} poles={{ negative: issue.poleNegative, positive: issue.polePositive }} />
                      </ul>
                    ) : (
                      <p className="empty">No stance found yet.</p>
                    )}
                  </div>
                );
              })}
            </div>
          </article>
        ))}
      </section>

      <section aria-labelledby="downloads">
        <h2 id="downloads">Downloads</h2>
        <p className="section-note">
          Every dataset as CSV (RFC 4180, UTF-8) or JSON. Pick <strong>CSV for Excel</strong> if you open it in Excel: it adds a byte-order mark so accents and curly quotes show correctly.
        </p>
        <div className="table-scroll">
          <table className="data-table wide">
            <TableHead columns={["Dataset", "Rows", "Contents", "Download"]} />
            <tbody>
              {datasets.map((d) => (
                <tr key={d.path}>
                  <th scope="row">{d.name}</th>
                  <td className="num">{d.rows}</td>
                  <td>{d.what}</td>
                  <td>
                    <DownloadLinks path={d.path} label={d.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
