CREATE TABLE "handled_updates" (
	"platform" text NOT NULL,
	"update_id" text NOT NULL,
	"owner" text NOT NULL,
	"lease_until" text NOT NULL,
	"done_at" text,
	"created_at" text NOT NULL,
	CONSTRAINT "handled_updates_platform_update_id_pk" PRIMARY KEY("platform","update_id")
);
--> statement-breakpoint
ALTER TABLE "feed_items" ADD COLUMN "claimed_until" text;--> statement-breakpoint
CREATE INDEX "handled_updates_created_idx" ON "handled_updates" USING btree ("created_at");