export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is no issue or document at this address. It may have been renamed, or its document not ingested yet.</p>
      <p>
        Go to the <a href="/">overview</a>, the list of <a href="/sources">sources</a>, or <a href="/compare">compare issues</a>.
      </p>
    </>
  );
}
