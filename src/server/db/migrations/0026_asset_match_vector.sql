-- Repository search tests the newest assets' vectors one by one (decision 013). A vector too big
-- for its row (a long file's text: a fifth of the reference dataset's assets) is kept in the TOAST
-- table, and reading it back cost half of a search's database work. Those assets also keep the
-- vector without positions (strip), ~40% smaller, in the row: enough to test any query without a
-- phrase. Phrases and ranking still read the full vector (decision 014).
ALTER TABLE "assets" ADD COLUMN "match_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "match_vector" SET STORAGE MAIN;--> statement-breakpoint
-- A trigger rather than the service, so that every path that writes a vector (versions, restores,
-- seeds) keeps the copy right. 7,900 bytes: a row holds at most 8,160 bytes, and an asset's other
-- columns take the rest; on the reference dataset the smallest vector out of line had 7,980 bytes
-- and the largest in its row 7,996.
CREATE FUNCTION "assets_match_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."match_vector" := CASE WHEN pg_column_size(NEW."search_vector") > 7900 THEN strip(NEW."search_vector") END;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "assets_match_vector" BEFORE INSERT OR UPDATE OF "search_vector" ON "assets"
  FOR EACH ROW EXECUTE FUNCTION "assets_match_vector"();--> statement-breakpoint
UPDATE "assets" SET "match_vector" = strip("search_vector") WHERE pg_column_size("search_vector") > 7900;
