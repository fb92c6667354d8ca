PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_stances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stance_key` text NOT NULL,
	`document_id` integer NOT NULL,
	`issue_slug` text NOT NULL,
	`actor_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`issue_evidence` text NOT NULL,
	`line_start` integer NOT NULL,
	`line_end` integer NOT NULL,
	`column_start` integer NOT NULL,
	`column_end` integer NOT NULL,
	`source_table_id` integer,
	`table_row` integer,
	`table_column` integer,
	`score` real,
	`cue_positive` integer DEFAULT 0 NOT NULL,
	`cue_negative` integer DEFAULT 0 NOT NULL,
	`cues` text DEFAULT '[]' NOT NULL,
	`override_position` real,
	`override_note` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issue_slug`) REFERENCES `issues`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_table_id`) REFERENCES `source_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_stances`("id", "stance_key", "document_id", "issue_slug", "actor_id", "kind", "text", "issue_evidence", "line_start", "line_end", "column_start", "column_end", "source_table_id", "table_row", "table_column", "score", "cues") SELECT "id", "stance_key", "document_id", "issue_slug", "actor_id", "kind", "text", "issue_evidence", "line_start", "line_end", "column_start", "column_end", "source_table_id", "table_row", "table_column", "score", COALESCE("cues", '[]') FROM `stances`;--> statement-breakpoint
DROP TABLE `stances`;--> statement-breakpoint
ALTER TABLE `__new_stances` RENAME TO `stances`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `stances_stance_key_unique` ON `stances` (`stance_key`);--> statement-breakpoint
CREATE INDEX `stances_issue_actor` ON `stances` (`issue_slug`,`actor_id`);--> statement-breakpoint
CREATE INDEX `stances_document` ON `stances` (`document_id`);