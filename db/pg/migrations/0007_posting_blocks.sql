CREATE TABLE "posting_blocks" (
	"term_id" integer NOT NULL,
	"first_seq" integer NOT NULL,
	"last_seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "posting_blocks_term_id_first_seq_pk" PRIMARY KEY("term_id","first_seq")
);
--> statement-breakpoint
ALTER TABLE "search_terms" ADD COLUMN "tail_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "search_terms" ADD COLUMN "tail_entries" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: the postings move into blocks of up to 128 entries per term (db/pg/pg-blocks.ts packs them the
-- same way: int4 seq, int2 tf, int4 length, ascending by seq), and each term's last block becomes its tail.
INSERT INTO "posting_blocks" ("term_id", "first_seq", "last_seq", "data")
  SELECT "term_id", min("passage_seq"), max("passage_seq"),
    string_agg(int4send("passage_seq") || int2send("tf") || int4send("length"), ''::bytea ORDER BY "passage_seq")
  FROM (SELECT *, (row_number() OVER (PARTITION BY "term_id" ORDER BY "passage_seq") - 1) / 128 AS "block"
        FROM "postings") p
  GROUP BY "term_id", "block";--> statement-breakpoint
UPDATE "search_terms" t SET "tail_seq" = b."first_seq", "tail_entries" = length(b."data") / 10
  FROM (SELECT DISTINCT ON ("term_id") "term_id", "first_seq", "data" FROM "posting_blocks"
        ORDER BY "term_id", "first_seq" DESC) b
  WHERE b."term_id" = t."id";
--> statement-breakpoint
ALTER TABLE "posting_blocks" SET (fillfactor = 75);
