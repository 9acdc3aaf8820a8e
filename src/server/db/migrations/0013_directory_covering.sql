-- The directory reads people in name order and filters them (people.queries.ts listDirectory);
-- carrying the listed columns in the name index lets that walk skip the table. drizzle-kit
-- cannot express INCLUDE, so the schema declares the index's key columns only.
DROP INDEX IF EXISTS "users_directory_idx";--> statement-breakpoint
CREATE INDEX "users_directory_idx" ON "users" USING btree ("display_name","id") INCLUDE ("username","title","location","photo");
