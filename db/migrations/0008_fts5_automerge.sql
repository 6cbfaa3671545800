-- FTS5 merges its index's segments as passages are written: by default (automerge 4) a little on every write once
-- 4 segments sit at one level, so each passage's postings are rewritten at every level on its way up (log4 of the
-- batches). Merging only 16 segments at a level at once (the most FTS5 allows, and its crisis-merge point) rewrites
-- them log16 times: ingest at 1M passages went from about 28k to 42k passages per CPU-second, with 19 segments
-- instead of 10 for a query to look a term up in (no difference measured in search; db/search/README.md).
-- A setting of the index (kept in passages_fts_config), so it holds for every writer of the file.
INSERT INTO `passages_fts` (`passages_fts`, `rank`) VALUES ('automerge', 16);
