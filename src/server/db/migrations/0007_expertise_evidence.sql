CREATE TABLE "expertise_evidence" (
	"community_id" bigint,
	"tag" text NOT NULL,
	"user_id" bigint NOT NULL,
	"replies" integer NOT NULL,
	"accepted" integer NOT NULL,
	"helpful" integer NOT NULL,
	"score" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expertise_evidence_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"open_community_ids" bigint[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "expertise_evidence_open_idx" ON "expertise_evidence" USING btree ("tag","score","user_id") WHERE "expertise_evidence"."community_id" is null;--> statement-breakpoint
CREATE INDEX "expertise_evidence_community_idx" ON "expertise_evidence" USING btree ("community_id","tag","user_id") WHERE "expertise_evidence"."community_id" is not null;--> statement-breakpoint
CREATE INDEX "expertise_evidence_user_idx" ON "expertise_evidence" USING btree ("user_id","tag");