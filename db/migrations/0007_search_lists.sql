-- Packed occurrence lists of common terms, kept by the search module (db/search/stored-lists.ts) so that a
-- process reads a common word's list as one blob instead of walking FTS5's doclist (30–100 ms at 1M passages).
-- A row covers the passages up to `upto`; passages appended later are read from FTS5 by rowid range. Rows are
-- written lazily by searches, never at start. `removals` counts passages deleted or changed: a row written
-- under another count is stale (the triggers also clear the table, so no stale bytes stay on disk).
CREATE TABLE `search_lists` (
	`term` text PRIMARY KEY NOT NULL,
	`upto` integer NOT NULL,
	`removals` integer NOT NULL,
	`entries` integer NOT NULL,
	`most` integer NOT NULL,
	`last` integer NOT NULL,
	`bytes` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_removals` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`count` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_removals` (`id`, `count`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `passages_search_lists_ad` AFTER DELETE ON `passages` BEGIN
	UPDATE `search_removals` SET `count` = `count` + 1 WHERE `id` = 1;
	DELETE FROM `search_lists`;
END;
--> statement-breakpoint
CREATE TRIGGER `passages_search_lists_au` AFTER UPDATE OF `text` ON `passages` BEGIN
	UPDATE `search_removals` SET `count` = `count` + 1 WHERE `id` = 1;
	DELETE FROM `search_lists`;
END;
