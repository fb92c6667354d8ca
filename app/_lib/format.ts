/** −2.83 / +1.00 with a real minus sign; "not scored" for null, never 0. */
export function formatPosition(value: number | null, digits = 2): string {
  if (value === null) return "not scored";
  const fixed = Math.abs(value).toFixed(digits);
  if (Number(fixed) === 0) return (0).toFixed(digits);
  return `${value < 0 ? "\u2212" : "+"}${fixed}`;
}

export function formatTimestamp(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never";
}

export function sourceHref(documentSlug: string, line: number): string {
  return `/sources/${encodeURIComponent(documentSlug)}#L${line}`;
}

/** A query string from repeated keys, omitting empty values: ?issue=a&issue=b. */
export function queryString(params: Record<string, string[] | string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value ? [value] : []) search.append(key, v);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
