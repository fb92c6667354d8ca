CREATE TABLE `source_table_rows` (
	`table_id` integer NOT NULL,
	`row` integer NOT NULL,
	`line` integer NOT NULL,
	`cells` text NOT NULL,
	PRIMARY KEY(`table_id`, `row`),
	FOREIGN KEY (`table_id`) REFERENCES `source_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `source_table_rows_line` ON `source_table_rows` (`table_id`,`line`);--> statement-breakpoint
DROP INDEX `stances_document`;--> statement-breakpoint
CREATE INDEX `stances_document_line` ON `stances` (`document_id`,`line_start`);--> statement-breakpoint
INSERT INTO `source_table_rows` (`table_id`, `row`, `line`, `cells`)
SELECT t.`id`, r.`key` + 1, coalesce(l.`value`, t.`line_start`), r.`value`
FROM `source_tables` t, json_each(t.`rows`) r LEFT JOIN json_each(t.`row_lines`) l ON l.`key` = r.`key`;--> statement-breakpoint
ALTER TABLE `source_tables` DROP COLUMN `rows`;--> statement-breakpoint
ALTER TABLE `source_tables` DROP COLUMN `row_lines`;