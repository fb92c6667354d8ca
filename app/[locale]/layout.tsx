import type { Metadata } from "next";
import type { ReactNode } from "react";
import { listIssues } from "@/db/queries";
import "./globals.css";

// Every page reads the SQLite database: render per request, never freeze data at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Parallax — US–Colombia stances", template: "%s · Parallax" },
  description: "Where the United States and Colombia stand on drug policy, energy, Venezuela and migration, traced to the sources.",
};

/** The codebook issues for the menu; an empty menu (not an error page) while there is no database yet. */
function listNavigationIssues() {
  try {
    return listIssues().filter((issue) => issue.kind === "codebook");
  } catch {
    return [];
  }
}

export default function RootLayout({ children }: { children: ReactNode }) {
  const issues = listNavigationIssues();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <header className="site-header">
          <a href="/" className="brand">
            Parallax
          </a>
          <span className="tagline">US–Colombia positions, side by side, with sources</span>
          <nav aria-label="Main" className="main-nav">
            <a href="/">Overview</a>
            {issues.map((issue) => (
              <a key={issue.slug} href={`/issues/${issue.slug}`}>
                {issue.label}
              </a>
            ))}
            <a href="/compare">Compare</a>
            <a href="/sources">Sources</a>
          </nav>
        </header>
        <main id="content">{children}</main>
      </body>
    </html>
  );
}
