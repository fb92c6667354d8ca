import type { Metadata } from "next";
import { documentLabel } from "@/db/citation";
import { listDocuments, listIssuePositions, listIssues } from "@/db/queries";
import { ActorBarChart } from "../_components/ActorBarChart";
import { ChartFigure } from "../_components/ChartFigure";
import { DownloadLinks } from "../_components/DownloadLinks";
import { FilterNotice } from "../_components/FilterNotice";
import { PositionTable } from "../_components/PositionTable";
import { type PageSearchParams, pickAllowed } from "../_lib/search-params";

export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage({ searchParams }: { searchParams: PageSearchParams }) {
  const query = await searchParams;
  const issues = listIssues();
  const documents = listDocuments();
  const ignored: string[] = [];
  const chosenIssues = pickAllowed(query, "issue", issues.map((i) => i.slug), ignored);
  const chosenDocuments = pickAllowed(query, "document", documents.map((d) => d.slug), ignored);
  for (const key of Object.keys(query)) if (key !== "issue" && key !== "document") ignored.push(key);
  const filter = {
    issues: chosenIssues.length ? chosenIssues : issues.filter((i) => i.kind === "codebook").map((i) => i.slug),
    documents: chosenDocuments.length ? chosenDocuments : undefined,
  };
  const positions = listIssuePositions(filter);
  const shown = [...new Set(positions.map((p) => p.issueSlug))];
  const rows = shown.map((slug) => {
    const at = (actor: "us" | "co") => positions.find((p) => p.issueSlug === slug && p.actorId === actor);
    return { label: at("us")?.issueLabel ?? slug, us: at("us")?.position ?? null, co: at("co")?.position ?? null };
  });
  const height = Math.max(200, 70 * rows.length + 60);
  const downloadQuery = { issue: filter.issues, document: chosenDocuments };

  return (
    <>
      <h1>Compare issues</h1>
      <p className="lede">Choose issues and documents; the matrix and chart show each government’s position, the number of stances behind it, and the gap.</p>
      <FilterNotice ignored={ignored} />
      <form className="filters" method="get" aria-label="Choose issues and documents">
        <fieldset>
          <legend>Issues</legend>
          {issues.map((i) => (
            <label key={i.slug}>
              <input type="checkbox" name="issue" value={i.slug} defaultChecked={filter.issues.includes(i.slug)} /> {i.label}
              {i.kind === "other" ? " (other)" : ""}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Documents (none ticked: all)</legend>
          {documents.map((d) => (
            <label key={d.slug}>
              <input type="checkbox" name="document" value={d.slug} defaultChecked={chosenDocuments.includes(d.slug)} /> {documentLabel(d)}
            </label>
          ))}
        </fieldset>
        <button type="submit">Compare</button>
      </form>

      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">Issues × governments</h2>
        <div className="table-scroll">
          <PositionTable positions={positions} caption="Position (logit scale), stances (scored) and gap per issue" />
        </div>
        <DownloadLinks path="/api/export/issues" query={downloadQuery} label="This matrix" />
      </section>

      <ChartFigure
        id="compare-positions"
        title="Chosen issues side by side"
        description="Each government’s position on each chosen issue: left of 0 is the issue’s negative pole, right its positive pole."
        height={height}
        chart={<ActorBarChart mode="position" rows={rows} height={height} ariaLabel="Diverging bar chart of positions on the chosen issues" />}
        table={<PositionTable positions={positions} caption="The positions drawn in the chart" />}
        downloads={<DownloadLinks path="/api/export/issues" query={downloadQuery} />}
      />
    </>
  );
}
