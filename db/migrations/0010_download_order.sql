DROP INDEX `stances_issue_actor`;--> statement-breakpoint
CREATE INDEX `stances_order` ON `stances` (`issue_slug`,`actor_id`,`document_id`,`line_start`,`column_start`);--> statement-breakpoint
CREATE UNIQUE INDEX `actors_order` ON `actors` (`sort_order`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `issues_order` ON `issues` (`kind`,`sort_order`,`slug`);