-- The corpus writer indexes each batch of new passages with one INSERT INTO passages_fts … SELECT
-- (db/repositories/corpus-writer.ts) instead of a trigger per inserted row. Rows already indexed stay
-- indexed; the delete and update triggers stay.
DROP TRIGGER IF EXISTS `passages_ai`;
