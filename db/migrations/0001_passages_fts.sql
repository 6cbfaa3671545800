-- Full-text index over passages (external content, kept in sync by triggers).
CREATE VIRTUAL TABLE `passages_fts` USING fts5(
	`text`,
	content='passages',
	content_rowid='rowid',
	tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `passages_ai` AFTER INSERT ON `passages` BEGIN
	INSERT INTO `passages_fts`(rowid, `text`) VALUES (new.rowid, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `passages_ad` AFTER DELETE ON `passages` BEGIN
	INSERT INTO `passages_fts`(`passages_fts`, rowid, `text`) VALUES ('delete', old.rowid, old.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `passages_au` AFTER UPDATE ON `passages` BEGIN
	INSERT INTO `passages_fts`(`passages_fts`, rowid, `text`) VALUES ('delete', old.rowid, old.`text`);
	INSERT INTO `passages_fts`(rowid, `text`) VALUES (new.rowid, new.`text`);
END;
