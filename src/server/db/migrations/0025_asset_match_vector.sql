-- Repository search walks the newest assets and tests each one's vector (decision 004). With the
-- text inside files, a quarter of the vectors were too big for their row (> 8 kB, uncompressible)
-- and each one tested or ranked was read back from the TOAST table: 6.6 µs against 0.1 µs inline,
-- two thirds of a search's time. The match vector keeps the title's, summary's and tags' words
-- with their positions and weights and the body's words without positions (about half the size),
-- so it stays in the row (STORAGE MAIN); a phrase is still checked on search_vector (decision 013).
DROP INDEX "assets_search_idx";--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "match_vector" "tsvector" STORAGE MAIN GENERATED ALWAYS AS (ts_filter(search_vector, '{a,b}') || strip(search_vector)) STORED;--> statement-breakpoint
CREATE INDEX "assets_match_idx" ON "assets" USING gin ("match_vector");
