CREATE TABLE `handled_updates` (
	`platform` text NOT NULL,
	`update_id` text NOT NULL,
	`owner` text NOT NULL,
	`lease_until` text NOT NULL,
	`done_at` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`platform`, `update_id`)
);
--> statement-breakpoint
CREATE INDEX `handled_updates_created_idx` ON `handled_updates` (`created_at`);--> statement-breakpoint
ALTER TABLE `feed_items` ADD `claimed_until` text;