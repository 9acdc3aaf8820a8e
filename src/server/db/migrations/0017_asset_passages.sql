CREATE TABLE "asset_passages" (
	"asset_id" bigint NOT NULL,
	"n" integer NOT NULL,
	"body" text NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	CONSTRAINT "asset_passages_asset_id_n_pk" PRIMARY KEY("asset_id","n")
);
--> statement-breakpoint
ALTER TABLE "asset_passages" ADD CONSTRAINT "asset_passages_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The one definition of a passage: about 80 words of the text, whitespace folded to single
-- spaces, with its search vector.
CREATE FUNCTION asset_passages_of(doc text) RETURNS TABLE (n integer, body text, search_vector tsvector)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p.n, p.body, to_tsvector('english', p.body)
  FROM (
    SELECT ((w.i - 1) / 80)::integer AS n, string_agg(w.word, ' ' ORDER BY w.i) AS body
    FROM regexp_split_to_table(doc, '\s+') WITH ORDINALITY AS w(word, i)
    WHERE w.word <> ''
    GROUP BY 1
  ) p
$$;--> statement-breakpoint
INSERT INTO "asset_passages" ("asset_id", "n", "body", "search_vector")
SELECT a.id, p.n, p.body, p.search_vector
FROM "assets" a
JOIN "asset_versions" v ON v.asset_id = a.id AND v.number = a.current_version
CROSS JOIN LATERAL asset_passages_of(coalesce(v.body_source, v.extracted_text, v.url, '')) p;
