-- Hand-written: the ingest's load stage now writes a new document's line passages itself (scripts/ingest/load.ts),
-- the same rows in the same order. Splitting a 10 MB text in SQL (json_quote, replace, json_each) held about 115 MB.
DROP TRIGGER `documents_search_ai`;
