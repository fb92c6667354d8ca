CREATE TABLE `actors` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`label_es` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`path` text NOT NULL,
	`format` text NOT NULL,
	`title` text,
	`outlet` text,
	`published` text,
	`url` text,
	`metadata_note` text,
	`content_hash` text NOT NULL,
	`codebook_hash` text NOT NULL,
	`line_count` integer NOT NULL,
	`text` text NOT NULL,
	`ingested_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_slug_unique` ON `documents` (`slug`);--> statement-breakpoint
CREATE TABLE `ingest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`documents_seen` integer NOT NULL,
	`documents_changed` integer NOT NULL,
	`documents_unchanged` integer NOT NULL,
	`documents_failed` integer NOT NULL,
	`tables` integer NOT NULL,
	`stances` integer NOT NULL,
	`warnings` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `issues` (
	`slug` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`label_es` text,
	`description` text,
	`pole_negative` text,
	`pole_positive` text,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `source_tables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`line_start` integer NOT NULL,
	`line_end` integer NOT NULL,
	`header` text NOT NULL,
	`rows` text NOT NULL,
	`row_lines` text NOT NULL,
	`layout` text NOT NULL,
	`note` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_tables_document_ordinal` ON `source_tables` (`document_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `stances` (
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
	`cues` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issue_slug`) REFERENCES `issues`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_table_id`) REFERENCES `source_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stances_stance_key_unique` ON `stances` (`stance_key`);--> statement-breakpoint
CREATE INDEX `stances_issue_actor` ON `stances` (`issue_slug`,`actor_id`);--> statement-breakpoint
CREATE INDEX `stances_document` ON `stances` (`document_id`);