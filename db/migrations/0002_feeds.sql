CREATE TABLE `document_stories` (
	`document_id` text PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	`canonical_url` text,
	`signature` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_stories_story_idx` ON `document_stories` (`story_id`);--> statement-breakpoint
CREATE INDEX `document_stories_url_idx` ON `document_stories` (`canonical_url`);--> statement-breakpoint
CREATE TABLE `feed_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`url` text,
	`item_hash` text NOT NULL,
	`document_id` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feed_items_key_unique` ON `feed_items` (`feed_id`,`item_key`);--> statement-breakpoint
CREATE TABLE `feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`outlet` text,
	`title` text,
	`every_minutes` integer DEFAULT 30 NOT NULL,
	`etag` text,
	`last_modified` text,
	`next_poll_at` text NOT NULL,
	`last_polled_at` text,
	`last_error` text,
	`failures` integer DEFAULT 0 NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feeds_url_unique` ON `feeds` (`url`);--> statement-breakpoint
CREATE INDEX `feeds_due_idx` ON `feeds` (`next_poll_at`);