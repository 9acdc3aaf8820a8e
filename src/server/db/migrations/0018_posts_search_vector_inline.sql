-- A post's search vector stays inside its row (decision 012): when a long post made the row too
-- big, PostgreSQL moved the vector out of line first, and reading it back cost as much as the rest of a
-- search's walk through the newest posts. Now the post's text leaves the row before the vector does.
ALTER TABLE "posts" ALTER COLUMN "search_vector" SET STORAGE MAIN;
--> statement-breakpoint
-- Rows that may have been too big (rows are stored out of line past about 2 kB) get their vector written again.
UPDATE "posts" SET "search_vector" = "search_vector" || ''::tsvector
WHERE octet_length("body_source") + octet_length("body_html") + pg_column_size("search_vector") > 1800;
