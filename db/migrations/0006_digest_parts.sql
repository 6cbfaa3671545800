ALTER TABLE `digest_runs` ADD `content` text;--> statement-breakpoint
ALTER TABLE `digest_runs` ADD `parts_sent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `digest_runs` ADD `part_started_at` text;