-- Hand-written: the ingest's load stage now writes a new document's search passages itself (scripts/ingest/load.ts),
-- the same rows in the same order. Splitting a 10 MB text in SQL (json_quote, replace, json_each) held about 115 MB,
-- and a trigger program per stance cost more than writing the stances (1.6 s of the 10 MB document's 66,000).
DROP TRIGGER `documents_search_ai`;
--> statement-breakpoint
DROP TRIGGER `stances_search_ai`;
