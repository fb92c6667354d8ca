import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page reads the SQLite database: render per request, never freeze data at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Parallax — US–Colombia stances", template: "%s · Parallax" },
  description: "Where the United States and Colombia stand on drug policy, energy, Venezuela and migration, traced to the sources.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/" className="brand">
            Parallax
          </a>
          <span className="tagline">US–Colombia positions, side by side, with sources</span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
