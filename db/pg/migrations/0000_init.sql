CREATE TABLE "conversation_turns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conversation_turns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conversation_id" text NOT NULL,
	"created_at" text NOT NULL,
	"kind" text NOT NULL,
	"payload" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corpus_totals" (
	"id" integer PRIMARY KEY NOT NULL,
	"passages" bigint NOT NULL,
	"terms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digest_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "digest_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subscription_id" integer NOT NULL,
	"local_date" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_ids" text,
	"claimed_by" text,
	"claimed_at" text NOT NULL,
	"finished_at" text,
	"covered_until" text
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text,
	"outlet" text,
	"author" text,
	"published_at" text,
	"url" text,
	"language" text,
	"article_text" text NOT NULL,
	"content_hash" text NOT NULL,
	"source_path" text,
	"ingested_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passage_terms" (
	"term" text NOT NULL,
	"passage_seq" integer NOT NULL,
	"tf" smallint NOT NULL,
	"length" integer NOT NULL,
	CONSTRAINT "passage_terms_term_passage_seq_pk" PRIMARY KEY("term","passage_seq")
);
--> statement-breakpoint
CREATE TABLE "passages" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "passages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"id" text NOT NULL,
	"document_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"length" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply_usage" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reply_usage_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"created_at" text NOT NULL,
	"engine" text NOT NULL,
	"kind" text NOT NULL,
	"model" text NOT NULL,
	"input_tokens" integer NOT NULL,
	"output_tokens" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subscriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"platform" text NOT NULL,
	"target_id" text NOT NULL,
	"guild_id" text,
	"local_time" text NOT NULL,
	"timezone" text NOT NULL,
	"topic" text,
	"created_by" text,
	"created_at" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_reason" text
);
--> statement-breakpoint
ALTER TABLE "digest_runs" ADD CONSTRAINT "digest_runs_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passage_terms" ADD CONSTRAINT "passage_terms_passage_seq_passages_seq_fk" FOREIGN KEY ("passage_seq") REFERENCES "public"."passages"("seq") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passages" ADD CONSTRAINT "passages_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_turns_lookup_idx" ON "conversation_turns" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "digest_runs_subscription_date_unique" ON "digest_runs" USING btree ("subscription_id","local_date");--> statement-breakpoint
CREATE INDEX "passage_terms_passage_idx" ON "passage_terms" USING btree ("passage_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "passages_id_unique" ON "passages" USING btree ("id");--> statement-breakpoint
CREATE INDEX "passages_document_idx" ON "passages" USING btree ("document_id","ordinal");--> statement-breakpoint
CREATE INDEX "reply_usage_created_idx" ON "reply_usage" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "subscriptions_target_idx" ON "subscriptions" USING btree ("platform","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_active_target_unique" ON "subscriptions" USING btree ("platform","target_id") WHERE "subscriptions"."active";