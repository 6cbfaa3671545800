ALTER TABLE `documents` ADD `first_ingested_at` text;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `include_keywords` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `exclude_keywords` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `when_empty` text DEFAULT 'notice' NOT NULL;--> statement-breakpoint
UPDATE `documents` SET `first_ingested_at` = `ingested_at` WHERE `first_ingested_at` IS NULL;