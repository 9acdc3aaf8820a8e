-- Word counts for repository search (decision 013): filled by the 'repository.words' job.
CREATE TABLE "repository_words" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"assets" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repository_words_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"assets" integer NOT NULL
);
