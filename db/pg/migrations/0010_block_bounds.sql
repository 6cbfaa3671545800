ALTER TABLE "posting_blocks" ADD COLUMN "max_tf" integer DEFAULT 65535 NOT NULL;--> statement-breakpoint
ALTER TABLE "posting_blocks" ADD COLUMN "min_length" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: each block's highest tf and shortest passage, read from its packed chunks (db/pg/pg-blocks.ts:
-- marker byte, entry count, then per entry seq gap, tf and length as unsigned LEB128 varints), so a database
-- from before gets block-max ranking's bounds tight. The function is dropped after.
CREATE FUNCTION "attache_block_bounds"(data bytea, OUT max_tf integer, OUT min_length integer)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  at integer := 0;
  size integer := length(data);
  fields bigint;
  value bigint;
  shift integer;
  b integer;
BEGIN
  max_tf := 0;
  min_length := 2147483647;
  WHILE at < size LOOP
    at := at + 1;
    value := 0; shift := 0;
    LOOP
      b := get_byte(data, at); at := at + 1;
      value := value + ((b & 127)::bigint << shift); shift := shift + 7;
      EXIT WHEN b < 128;
    END LOOP;
    fields := value * 3;
    FOR i IN 0 .. fields - 1 LOOP
      value := 0; shift := 0;
      LOOP
        b := get_byte(data, at); at := at + 1;
        value := value + ((b & 127)::bigint << shift); shift := shift + 7;
        EXIT WHEN b < 128;
      END LOOP;
      IF i % 3 = 1 THEN max_tf := greatest(max_tf, value::integer);
      ELSIF i % 3 = 2 THEN min_length := least(min_length, value::integer);
      END IF;
    END LOOP;
  END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "posting_blocks" DROP CONSTRAINT "posting_blocks_term_id_first_seq_pk";--> statement-breakpoint
UPDATE "posting_blocks" SET ("max_tf", "min_length") = (SELECT * FROM "attache_block_bounds"("data"));--> statement-breakpoint
DROP FUNCTION "attache_block_bounds"(bytea);--> statement-breakpoint
-- Hand-written INCLUDE, as in 0008: a list's directory (bounds) and its blocks are both index-only reads.
ALTER TABLE "posting_blocks" ADD CONSTRAINT "posting_blocks_term_id_first_seq_pk"
  PRIMARY KEY ("term_id", "first_seq") INCLUDE ("last_seq", "max_tf", "min_length", "data");
