ALTER TABLE "expertise_evidence_state" ADD COLUMN "worded_from_post_id" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Until the next refresh: the window starts after the 200,000th newest post (WORDED_WINDOW).
UPDATE "expertise_evidence_state" SET "worded_from_post_id" = coalesce((SELECT "id" FROM "posts" ORDER BY "id" DESC OFFSET 199999 LIMIT 1), 0);
