ALTER TABLE `issues` ADD `description_es` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `pole_negative_es` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `pole_positive_es` text;