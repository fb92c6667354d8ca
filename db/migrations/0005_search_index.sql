-- Hand-written (drizzle-kit cannot declare FTS5 tables or triggers): the search index over search_passages.
-- Each document's text as lines, numbered from 1 as the source view numbers them (CRLF, CR or LF ends a line).
-- The text is JSON-quoted and every line break escape turned into an array separator; escaped backslashes are
-- set aside first (as char(1), which JSON-quoted text cannot hold) so a backslash before an "n" stays text.
CREATE VIEW `document_lines` AS
SELECT `documents`.`id` AS `document_id`, `lines`.`key` + 1 AS `line`, `lines`.`value` AS `text`
FROM `documents`, json_each(
  '[' || replace(replace(replace(replace(replace(json_quote(`documents`.`text`), '\\', char(1)), '\r\n', '","'), '\r', '","'), '\n', '","'), char(1), '\\') || ']'
) AS `lines`;
--> statement-breakpoint
-- Accents and case folded (remove_diacritics 2): "bogota" finds "Bogotá", "ERRADICACION" finds "erradicación".
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `body`, `holder`,
  content = 'search_passages', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `search_passages_ai` AFTER INSERT ON `search_passages` BEGIN
  INSERT INTO `search_index` (`rowid`, `body`, `holder`) VALUES (new.`id`, new.`body`, new.`holder`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_passages_ad` AFTER DELETE ON `search_passages` BEGIN
  INSERT INTO `search_index` (`search_index`, `rowid`, `body`, `holder`) VALUES ('delete', old.`id`, old.`body`, old.`holder`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_passages_au` AFTER UPDATE ON `search_passages` BEGIN
  INSERT INTO `search_index` (`search_index`, `rowid`, `body`, `holder`) VALUES ('delete', old.`id`, old.`body`, old.`holder`);
  INSERT INTO `search_index` (`rowid`, `body`, `holder`) VALUES (new.`id`, new.`body`, new.`holder`);
END;
--> statement-breakpoint
-- Passages follow the rows they copy in the same transaction; deleting a document or a stance removes its
-- passages through the foreign keys' ON DELETE CASCADE, which fires search_passages_ad.
CREATE TRIGGER `documents_search_ai` AFTER INSERT ON `documents` BEGIN
  INSERT INTO `search_passages` (`document_id`, `line_start`, `line_end`, `body`)
  SELECT `document_id`, `line`, `line`, `text` FROM `document_lines` WHERE `document_id` = new.`id` AND trim(`text`) <> '';
END;
--> statement-breakpoint
CREATE TRIGGER `documents_search_au` AFTER UPDATE OF `text` ON `documents` BEGIN
  DELETE FROM `search_passages` WHERE `document_id` = new.`id` AND `stance_id` IS NULL;
  INSERT INTO `search_passages` (`document_id`, `line_start`, `line_end`, `body`)
  SELECT `document_id`, `line`, `line`, `text` FROM `document_lines` WHERE `document_id` = new.`id` AND trim(`text`) <> '';
END;
--> statement-breakpoint
CREATE TRIGGER `stances_search_ai` AFTER INSERT ON `stances` BEGIN
  INSERT INTO `search_passages` (`document_id`, `stance_id`, `line_start`, `line_end`, `body`, `holder`)
  VALUES (new.`document_id`, new.`id`, new.`line_start`, new.`line_end`, new.`text`, new.`holder`);
END;
--> statement-breakpoint
CREATE TRIGGER `stances_search_au` AFTER UPDATE OF `text`, `holder`, `line_start`, `line_end`, `document_id` ON `stances` BEGIN
  UPDATE `search_passages`
  SET `document_id` = new.`document_id`, `line_start` = new.`line_start`, `line_end` = new.`line_end`, `body` = new.`text`, `holder` = new.`holder`
  WHERE `stance_id` = new.`id`;
END;
--> statement-breakpoint
-- A database ingested before this migration gets its index now, not at the next change of each document.
INSERT INTO `search_passages` (`document_id`, `line_start`, `line_end`, `body`)
SELECT `document_id`, `line`, `line`, `text` FROM `document_lines` WHERE trim(`text`) <> '';
--> statement-breakpoint
INSERT INTO `search_passages` (`document_id`, `stance_id`, `line_start`, `line_end`, `body`, `holder`)
SELECT `document_id`, `id`, `line_start`, `line_end`, `text`, `holder` FROM `stances`;
