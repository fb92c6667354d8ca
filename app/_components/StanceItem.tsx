import { documentLabel, formatCitation } from "@/db/citation";
import type { StanceView } from "@/db/queries";
import { formatPosition, sourceHref } from "../_lib/format";
import { ACTOR_SERIES } from "./series";

/** How a position came about, in words: "scored +1.00: militarization (negated by “De‑emphasize”) → development". */
export function PositionNote({ stance, poles }: { stance: StanceView; poles: { negative: string | null; positive: string | null } }) {
  const pole = (p: "negative" | "positive") => (p === "negative" ? poles.negative : poles.positive) ?? p;
  const cues = stance.cues.map((c) => `‘${c.matched}’${c.negatedBy ? ` (negated by ‘${c.negatedBy}’)` : ""} → ${pole(c.pole)}`).join("; ");
  if (stance.positionSource === "override")
    return (
      <span className="position-note">
        <strong>analyst override {formatPosition(stance.overridePosition)}</strong>: {stance.overrideNote}
        {stance.score !== null ? ` (dictionary: ${formatPosition(stance.score)}${cues ? `: ${cues}` : ""})` : ""}
      </span>
    );
  if (stance.score === null) return <span className="position-note">not scored: no cue of this issue’s axis matched</span>;
  return (
    <span className="position-note">
      scored <strong>{formatPosition(stance.score)}</strong>: {cues}
    </span>
  );
}

export function Citation({ stance }: { stance: StanceView }) {
  const doc = {
    slug: stance.documentSlug,
    title: stance.documentTitle,
    outlet: stance.documentOutlet,
    published: stance.documentPublished,
    pageLines: stance.documentPageLines,
  };
  return (
    <a className="citation" href={sourceHref(stance.documentSlug, stance.lineStart)} title={`Open ${documentLabel(doc)} at line ${stance.lineStart}`}>
      {formatCitation(doc, stance)}
    </a>
  );
}

export function StanceItem({ stance, poles }: { stance: StanceView; poles: { negative: string | null; positive: string | null } }) {
  return (
    <li className={`stance stance-${stance.actorId}`} data-stance={stance.key}>
      <p className="stance-text">
        <span className={`actor-tag actor-tag-${stance.actorId}`}>{ACTOR_SERIES[stance.actorId].short}</span> “{stance.text}”
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
