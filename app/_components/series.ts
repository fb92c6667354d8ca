/** The two series, declared once: every chart, legend and badge takes its label and colour from here. */
export const ACTOR_SERIES = {
  us: { label: "United States", short: "US", color: "var(--us)" },
  co: { label: "Colombia", short: "CO", color: "var(--co)" },
} as const;

export type ActorKey = keyof typeof ACTOR_SERIES;
export const ACTOR_KEYS: ActorKey[] = ["us", "co"];
