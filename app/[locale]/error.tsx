"use client";

import { useErrorWords } from "../_components/ErrorWords";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useErrorWords();
  return (
    <>
      <h1>{words.heading}</h1>
      <p>{words.explanation}</p>
      <button type="button" onClick={() => reset()}>
        {words.retry}
      </button>
    </>
  );
}
