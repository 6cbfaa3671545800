ALTER TABLE "digest_runs" ADD COLUMN "content" text;--> statement-breakpoint
ALTER TABLE "digest_runs" ADD COLUMN "parts_sent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_runs" ADD COLUMN "part_started_at" text;