import { getCorpusSummary, listIssueActorCounts } from "@/db/queries";

export default function OverviewPage() {
  const summary = getCorpusSummary();
  const counts = listIssueActorCounts();
  return (
    <>
      <h1>Where the United States and Colombia stand</h1>
      <p>
        {summary.documents} documents, {summary.sourceTables} source tables, {summary.stances} stances
        {summary.lastIngestAt ? ` · last ingest ${summary.lastIngestAt.replace("T", " ").slice(0, 16)} UTC` : ""}
      </p>
      <div className="table-scroll">
        <table>
          <caption>Stances per issue and actor</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">United States</th>
              <th scope="col">Colombia</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.issueSlug}>
                <th scope="row">
                  {row.issueLabel}
                  {row.issueKind === "other" ? " (other)" : ""}
                </th>
                <td>{row.us}</td>
                <td>{row.co}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
