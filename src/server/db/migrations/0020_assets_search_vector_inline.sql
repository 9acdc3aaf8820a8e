-- An asset's search vector stays inside its row when it fits a page (decision 012, as for posts):
-- the text inside files makes vectors of ~5 kB that PostgreSQL cannot compress, so three in four
-- were stored out of line, and every repository search read them back one by one from the TOAST
-- table to test and rank the newest matching assets.
ALTER TABLE "assets" ALTER COLUMN "search_vector" SET STORAGE MAIN;
--> statement-breakpoint
-- Vectors stored out of line (rows are moved out past about 2 kB) are written again.
UPDATE "assets" SET "search_vector" = "search_vector" || ''::tsvector WHERE pg_column_size("search_vector") > 1800;
