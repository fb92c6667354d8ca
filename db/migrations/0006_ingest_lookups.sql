CREATE INDEX `documents_content_hash` ON `documents` (`content_hash`);--> statement-breakpoint
CREATE INDEX `documents_with_copies` ON `documents` (`id`) WHERE "documents"."duplicate_paths" <> '[]';