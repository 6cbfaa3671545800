-- The single row of BM25 totals every write updates.
INSERT INTO corpus_totals (id, passages, terms) VALUES (1, 0, 0) ON CONFLICT DO NOTHING;
