ALTER TABLE `documents` ADD `lang` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `lang_source` text DEFAULT 'detected' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `author` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `published_basis` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `published_evidence` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `page_lines` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `duplicate_paths` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `extraction_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stances` ADD `rule` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stances` ADD `confidence` real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `stances` ADD `holder` text;--> statement-breakpoint
ALTER TABLE `stances` ADD `attribution` text;--> statement-breakpoint
ALTER TABLE `stances` ADD `attribution_cue` text;