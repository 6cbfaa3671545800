CREATE TABLE `conversation_turns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` text NOT NULL,
	`created_at` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `conversation_turns_lookup_idx` ON `conversation_turns` (`conversation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `digest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscription_id` integer NOT NULL,
	`local_date` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`message_ids` text,
	`claimed_by` text,
	`claimed_at` text NOT NULL,
	`finished_at` text,
	`covered_until` text,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_runs_subscription_date_unique` ON `digest_runs` (`subscription_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text,
	`outlet` text,
	`author` text,
	`published_at` text,
	`url` text,
	`language` text,
	`article_text` text NOT NULL,
	`content_hash` text NOT NULL,
	`source_path` text,
	`ingested_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `passages` (
	`rowid` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`document_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`text` text NOT NULL,
	`start_offset` integer NOT NULL,
	`end_offset` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `passages_id_unique` ON `passages` (`id`);--> statement-breakpoint
CREATE INDEX `passages_document_idx` ON `passages` (`document_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `reply_usage` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`engine` text NOT NULL,
	`kind` text NOT NULL,
	`model` text NOT NULL,
	`input_tokens` integer NOT NULL,
	`output_tokens` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reply_usage_created_idx` ON `reply_usage` (`created_at`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`target_id` text NOT NULL,
	`guild_id` text,
	`local_time` text NOT NULL,
	`timezone` text NOT NULL,
	`topic` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`deactivated_reason` text
);
--> statement-breakpoint
CREATE INDEX `subscriptions_target_idx` ON `subscriptions` (`platform`,`target_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_active_target_unique` ON `subscriptions` (`platform`,`target_id`) WHERE "subscriptions"."active" = 1;