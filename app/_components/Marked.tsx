import { markedSegments } from "../_lib/marks";

/** A search snippet as text, its matched words in <mark> elements; never read as HTML. */
export function Marked({ snippet }: { snippet: string }) {
  return (
    <>
      {markedSegments(snippet).map((segment, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: a snippet's runs are positional and never reorder
        segment.marked ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
