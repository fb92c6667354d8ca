import { useLocale, useMessages, useTranslations } from "next-intl";
import { MONTHLY_ABOVE, type TimelinePoint } from "@/db/queries";
import { queryString } from "../_lib/format";
import { localePath } from "../_lib/locale";
import { issuePath, sourcePath } from "../_lib/paths";
import { type TimelineRow, timeOf } from "../_lib/timeline";
import { useFormat } from "../_lib/use-format";
import { ChartFigure } from "./ChartFigure";
import { ChartLoader } from "./ChartLoader";
import { DownloadLinks } from "./DownloadLinks";
import type { ActorKey, ActorNames } from "./series";
import { TableHead } from "./TableHead";

interface Props {
  id: string;
  title: string;
  issue: string;
  /** The issue's name in the reader's language, for the table's caption and the chart's label. */
  issueLabel: string;
  /** The issue's timeline points (listTimeline), both governments. */
  points: TimelinePoint[];
  /** The shared time axis (UTC milliseconds), so small multiples line up. */
  domain: [number, number];
  height: number;
  names: ActorNames;
  /** The issue's pole names in the reader's language, said in the description (the axis is vertical: up is positive). */
  poles?: { negative: string; positive: string };
  /** The page's filters, carried by the download and a month's link to its stances. */
  query: { document?: string[]; kind?: string[]; evidence?: string; month?: string[] };
  compact?: boolean;
}

/** Undated documents listed by name under the chart and in its table; the download lists them all. */
const UNDATED_SHOWN = 20;

interface Place {
  key: string;
  period: TimelinePoint["period"];
  date: string | null;
  inferred: boolean;
  documents: TimelinePoint["documents"];
  byActor: Partial<Record<ActorKey, TimelinePoint>>;
  gap: number | null;
}

/** The points of one timeline by place in time (a document, a month, or an undated document), both governments together. */
function places(points: TimelinePoint[]): Place[] {
  const found = new Map<string, Place>();
  for (const point of points) {
    // A month is one place whatever its documents; a dated or undated document is its own.
    const key = point.period === "month" ? `month ${point.date}` : `${point.period} ${point.date ?? ""} ${point.documents[0]?.slug ?? ""}`;
    const place = found.get(key) ?? { key, period: point.period, date: point.date, inferred: point.inferred, documents: point.documents, byActor: {}, gap: point.gap };
    place.byActor[point.actorId] = point;
    found.set(key, place);
  }
  return [...found.values()];
}

/**
 * An issue's positions over time: the chart of dated documents (or months), its table, the documents without
 * a date listed apart (never placed at a made-up date), and the download of exactly these rows.
 */
export function TimelineFigure({ id, title, issue, issueLabel, points, domain, height, names, poles, query, compact = false }: Props) {
  const t = useTranslations("timeline");
  const td = useTranslations("document");
  const locale = useLocale();
  const messages = useMessages();
  const format = useFormat();
  const all = places(points);
  const dated = all.filter((p) => p.date !== null);
  const undated = all.filter((p) => p.date === null);
  const undatedShown = undated.slice(0, UNDATED_SHOWN);
  const name = (doc: { slug: string; title: string | null }) => doc.title ?? td("untitled", { slug: doc.slug });
  const href = (place: Place) =>
    place.period === "month"
      ? `${localePath(locale, issuePath(issue))}${queryString({ document: query.document, kind: query.kind, evidence: query.evidence, month: place.date ?? undefined })}`
      : localePath(locale, sourcePath(place.documents[0]?.slug ?? ""));
  const when = (place: Place) => (place.date === null ? t("undated") : place.period === "month" ? format.month(place.date) : format.date(place.date));
  const what = (place: Place) => (place.period === "month" ? t("monthDocuments", { count: place.documents.length }) : name(place.documents[0] ?? { slug: "", title: null }));
  const rows: TimelineRow[] = dated.flatMap((place) => {
    const us = place.byActor.us?.position ?? null;
    const co = place.byActor.co?.position ?? null;
    // A place where neither government's stances were scored has no position to draw; the table lists it.
    if (us === null && co === null) return [];
    return [
      {
        key: place.key,
        t: timeOf(place.date ?? ""),
        date: place.date ?? "",
        monthly: place.period === "month",
        inferred: place.inferred,
        href: href(place),
        documents: what(place),
        us,
        co,
      },
    ];
  });
  const monthly = dated.some((p) => p.period === "month");
  const cells = (place: Place) => (
    <>
      <td>{format.position(place.byActor.us?.position ?? null)}</td>
      <td>{format.count(place.byActor.us?.stances ?? 0)}</td>
      <td>{format.position(place.byActor.co?.position ?? null)}</td>
      <td>{format.count(place.byActor.co?.stances ?? 0)}</td>
      <td>{format.gap(place.gap)}</td>
    </>
  );
  const columns = [t("document"), names.us, t("stances", { actor: names.us }), names.co, t("stances", { actor: names.co }), t("gap")];
  return (
    <ChartFigure
      id={id}
      title={title}
      description={
        rows.length ? (
          <>
            {monthly ? t("descriptionMonthly", { count: rows.length, threshold: MONTHLY_ABOVE }) : t("description", { count: rows.length })}
            {poles ? ` ${t("poles", poles)}` : ""}
            {rows.some((r) => r.inferred) ? ` ${t("inferredNote")}` : ""}
          </>
        ) : dated.length ? (
          t("noScoredDates")
        ) : (
          t("noDates")
        )
      }
      // Nothing to draw: no space is held for a chart.
      height={rows.length ? height : 0}
      chart={
        rows.length ? (
          <ChartLoader
            locale={locale}
            messages={{ format: messages.format, actors: messages.actors, chart: messages.chart }}
            drawing={{
              kind: "timeline",
              props: { rows, domain, height, names, ariaLabel: t("chartLabel", { issue: issueLabel }), words: { inferred: t("inferred"), gap: t("gap") }, compact },
            }}
          />
        ) : null
      }
      table={
        <>
          <table className="data-table wide numbers">
            <caption>{t("caption", { issue: issueLabel })}</caption>
            <TableHead columns={[t("date"), ...columns]} />
            <tbody>
              {dated.map((place) => (
                <tr key={place.key}>
                  <th scope="row">
                    {when(place)}
                    {place.inferred ? <span className="muted"> ({t("inferred")})</span> : null}
                  </th>
                  <td>
                    <a href={href(place)}>{what(place)}</a>
                  </td>
                  {cells(place)}
                </tr>
              ))}
            </tbody>
          </table>
          {undated.length ? (
            <table className="data-table wide numbers">
              <caption>{t("undatedCaption", { issue: issueLabel })}</caption>
              <TableHead columns={columns} />
              <tbody>
                {undatedShown.map((place) => (
                  <tr key={place.key}>
                    <th scope="row">
                      <a href={href(place)}>{what(place)}</a>
                    </th>
                    {cells(place)}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      }
      downloads={
        <>
          {undated.length ? (
            <p className="timeline-undated">
              {t("undatedList", { count: undated.length })}{" "}
              {undatedShown.map((place, i) => (
                <span key={place.key}>
                  {i > 0 ? ", " : ""}
                  <a href={href(place)}>{what(place)}</a>
                </span>
              ))}
              {undated.length > undatedShown.length ? ` ${t("undatedMore", { count: undated.length - undatedShown.length })}` : ""}
            </p>
          ) : null}
          <DownloadLinks path="/api/export/timeline" query={{ issue: issue, ...query }} />
        </>
      }
    />
  );
}
