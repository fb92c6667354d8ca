ALTER TABLE `documents` ADD `scoring_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `read_warnings` text DEFAULT '[]' NOT NULL;