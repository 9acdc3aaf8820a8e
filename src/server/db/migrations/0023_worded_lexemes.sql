CREATE TABLE "worded_lexemes" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"posts" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expertise_evidence_state" ADD COLUMN "worded_posts" integer;