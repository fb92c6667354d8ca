"use client";

import { createContext, type ReactNode, useContext } from "react";

export interface ErrorWords {
  heading: string;
  /** Rich text (the commands in <code>), rendered by the server. */
  explanation: ReactNode;
  retry: string;
}

const Words = createContext<ErrorWords | null>(null);

/**
 * The error page's words, given by the layout: the error page must be a client component, and this way it needs
 * no message formatter in the browser, so no page loads one for a page it may never show.
 */
export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <Words value={words}>{children}</Words>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(Words);
  if (!words) throw new Error("the error page is rendered outside the locale layout's ErrorWordsProvider");
  return words;
}
