CREATE TABLE "postings" (
	"term_id" integer NOT NULL,
	"passage_seq" integer NOT NULL,
	"tf" smallint NOT NULL,
	"length" integer NOT NULL,
	CONSTRAINT "postings_term_id_passage_seq_pk" PRIMARY KEY("term_id","passage_seq") INCLUDE ("tf","length")
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_terms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"term" text COLLATE "C" NOT NULL,
	"passages" integer NOT NULL
) WITH (fillfactor = 70);
--> statement-breakpoint
CREATE UNIQUE INDEX "search_terms_term_unique" ON "search_terms" USING btree ("term");--> statement-breakpoint
-- Hand-written (drizzle-kit cannot say INCLUDE, COLLATE or fillfactor above): the primary key covers tf and
-- length so lists are read from the index alone; terms compare byte-wise; room on each page lets the
-- counts every ingest bumps be updated in place (HOT). The rows of passage_terms move over here.
INSERT INTO "search_terms" ("term", "passages") SELECT "term", count(*) FROM "passage_terms" GROUP BY "term";--> statement-breakpoint
INSERT INTO "postings" ("term_id", "passage_seq", "tf", "length")
  SELECT t."id", pt."passage_seq", pt."tf", pt."length" FROM "passage_terms" pt JOIN "search_terms" t ON t."term" = pt."term";
