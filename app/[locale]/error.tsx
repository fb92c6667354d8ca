"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>
        The dashboard could not read its data. If this is a new installation, run <code>npm run ingest</code> (or <code>npm start</code>, which ingests
        first) and reload. Details are in the server log.
      </p>
      <button type="button" onClick={() => reset()}>
        Try again
      </button>
    </>
  );
}
