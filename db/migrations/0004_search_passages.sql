CREATE TABLE `search_passages` (
	`id` integer PRIMARY KEY NOT NULL,
	`document_id` integer NOT NULL,
	`stance_id` integer,
	`line_start` integer NOT NULL,
	`line_end` integer NOT NULL,
	`body` text NOT NULL,
	`holder` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stance_id`) REFERENCES `stances`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `search_passages_document` ON `search_passages` (`document_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `search_passages_stance` ON `search_passages` (`stance_id`);