CREATE TABLE "posting_blocks" (
	"term_id" integer NOT NULL,
	"first_seq" integer NOT NULL,
	"last_seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "posting_blocks_term_id_first_seq_pk" PRIMARY KEY("term_id","first_seq") INCLUDE ("data")
);
--> statement-breakpoint
-- Hand-written INCLUDE (drizzle-kit cannot say it): a list is read by an index-only scan, its blocks side by side
-- in key order, where the heap scatters them (ingest writes a term's blocks one batch at a time). A block stays
-- well under the 2,704-byte limit of an index entry: at most 128 entries of at most 13 bytes, plus chunk headers.
ALTER TABLE "search_terms" ADD COLUMN "tail_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "search_terms" ADD COLUMN "tail_entries" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: the postings move into blocks of up to 128 entries per term, packed as db/pg/pg-blocks.ts packs
-- them (one chunk: marker byte 0x80, entry count, then per entry the seq gap, tf and passage length, each an
-- unsigned LEB128 varint), and each term's last block becomes its tail. The varint function is dropped after.
CREATE FUNCTION "attache_varint"(v integer) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN v < 128 THEN set_byte('\x00'::bytea, 0, v)
    WHEN v < 16384 THEN set_byte(set_byte('\x0000'::bytea, 0, (v & 127) | 128), 1, v >> 7)
    WHEN v < 2097152 THEN set_byte(set_byte(set_byte('\x000000'::bytea, 0, (v & 127) | 128), 1, ((v >> 7) & 127) | 128),
      2, v >> 14)
    WHEN v < 268435456 THEN set_byte(set_byte(set_byte(set_byte('\x00000000'::bytea, 0, (v & 127) | 128),
      1, ((v >> 7) & 127) | 128), 2, ((v >> 14) & 127) | 128), 3, v >> 21)
    ELSE set_byte(set_byte(set_byte(set_byte(set_byte('\x0000000000'::bytea, 0, (v & 127) | 128),
      1, ((v >> 7) & 127) | 128), 2, ((v >> 14) & 127) | 128), 3, ((v >> 21) & 127) | 128), 4, v >> 28)
  END
$$;--> statement-breakpoint
INSERT INTO "posting_blocks" ("term_id", "first_seq", "last_seq", "data")
  SELECT "term_id", min("passage_seq"), max("passage_seq"),
    '\x80'::bytea || "attache_varint"(count(*)::integer) || string_agg(
      "attache_varint"("gap") || "attache_varint"("tf"::integer) || "attache_varint"("length"), ''::bytea
      ORDER BY "passage_seq")
  FROM (
    SELECT "term_id", "passage_seq", "tf", "length", "block",
      "passage_seq" - coalesce(lag("passage_seq") OVER (PARTITION BY "term_id", "block" ORDER BY "passage_seq"), 0) AS "gap"
    FROM (SELECT *, (row_number() OVER (PARTITION BY "term_id" ORDER BY "passage_seq") - 1) / 128 AS "block"
          FROM "postings") p
  ) g
  GROUP BY "term_id", "block";--> statement-breakpoint
DROP FUNCTION "attache_varint"(integer);--> statement-breakpoint
-- A tail's entry count is its chunk's count: one varint byte below 128, two (0x80 0x01) for 128.
UPDATE "search_terms" t SET "tail_seq" = b."first_seq",
    "tail_entries" = CASE WHEN get_byte(b."data", 1) < 128 THEN get_byte(b."data", 1) ELSE 128 END
  FROM (SELECT DISTINCT ON ("term_id") "term_id", "first_seq", "data" FROM "posting_blocks"
        ORDER BY "term_id", "first_seq" DESC) b
  WHERE b."term_id" = t."id";
