/** The parts of a benchmark run that --only can pick; each needs the ingested corpus, which every run makes. */
export const PARTS = ["ingest", "export", "web"] as const;
export type Part = (typeof PARTS)[number];

/** The parts named by --only (all of them without it); an unknown name is an error, not a silently empty run. */
export function parseParts(only: string | undefined): Set<Part> {
  if (only === undefined) return new Set(PARTS);
  const names = only.split(",").map((name) => name.trim());
  if (names.some((name) => !(PARTS as readonly string[]).includes(name)))
    throw new Error(`--only takes ${PARTS.join(", ")} (comma separated), not "${only}"`);
  return new Set(names as Part[]);
}
