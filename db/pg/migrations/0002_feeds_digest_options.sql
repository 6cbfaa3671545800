CREATE TABLE "document_stories" (
	"document_id" text PRIMARY KEY NOT NULL,
	"story_id" text NOT NULL,
	"canonical_url" text,
	"signature" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feed_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"feed_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"url" text,
	"item_hash" text NOT NULL,
	"document_id" text,
	"first_seen_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feeds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feeds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"url" text NOT NULL,
	"outlet" text,
	"title" text,
	"every_minutes" integer DEFAULT 30 NOT NULL,
	"etag" text,
	"last_modified" text,
	"next_poll_at" text NOT NULL,
	"last_polled_at" text,
	"last_error" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_until" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "first_ingested_at" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "include_keywords" text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "exclude_keywords" text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "when_empty" text DEFAULT 'notice' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_stories" ADD CONSTRAINT "document_stories_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_feed_id_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_stories_story_idx" ON "document_stories" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "document_stories_url_idx" ON "document_stories" USING btree ("canonical_url");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_items_key_unique" ON "feed_items" USING btree ("feed_id","item_key");--> statement-breakpoint
CREATE UNIQUE INDEX "feeds_url_unique" ON "feeds" USING btree ("url");--> statement-breakpoint
CREATE INDEX "feeds_due_idx" ON "feeds" USING btree ("next_poll_at");--> statement-breakpoint
UPDATE "documents" SET "first_ingested_at" = "ingested_at" WHERE "first_ingested_at" IS NULL;