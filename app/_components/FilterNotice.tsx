/** Tells the reader which URL filter values were not understood and so ignored. */
export function FilterNotice({ ignored }: { ignored: string[] }) {
  if (ignored.length === 0) return null;
  return (
    <p className="notice" role="status">
      Ignored {ignored.length === 1 ? "a filter value" : "filter values"} this page does not know: {ignored.map((v) => `“${v}”`).join(", ")}.
    </p>
  );
}
