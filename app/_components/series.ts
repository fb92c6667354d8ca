/** The two series, declared once: every chart, legend and badge takes its colour from here (names from the codebook, tags from the messages). */
export const ACTOR_SERIES = {
  us: { color: "var(--us)" },
  co: { color: "var(--co)" },
} as const;

export type ActorKey = keyof typeof ACTOR_SERIES;
export const ACTOR_KEYS: ActorKey[] = ["us", "co"];

/** Each government's name in the reader's language. */
export type ActorNames = Record<ActorKey, string>;
