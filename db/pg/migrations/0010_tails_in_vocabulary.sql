ALTER TABLE "search_terms" ADD COLUMN "tail" "bytea" DEFAULT ''::bytea NOT NULL;--> statement-breakpoint
-- Hand-written: each term's tail block moves from posting_blocks into its vocabulary row, where ingest appends
-- to it in the update that counts its passages (db/pg/pg-postings.ts); tail_entries keeps its count (removals
-- may have left it high: the tail is then cut a little early), and tail_seq, the tail block's key, goes.
UPDATE "search_terms" t SET "tail" = b."data"
  FROM "posting_blocks" b
  WHERE b."term_id" = t."id" AND b."first_seq" = t."tail_seq";--> statement-breakpoint
DELETE FROM "posting_blocks" b USING "search_terms" t WHERE b."term_id" = t."id" AND b."first_seq" = t."tail_seq";--> statement-breakpoint
UPDATE "search_terms" SET "tail_entries" = 0 WHERE "tail" = ''::bytea;--> statement-breakpoint
ALTER TABLE "search_terms" DROP COLUMN "tail_seq";
