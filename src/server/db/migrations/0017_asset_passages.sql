CREATE TABLE "asset_passages" (
	"asset_id" bigint NOT NULL,
	"n" integer NOT NULL,
	"body" text NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	CONSTRAINT "asset_passages_asset_id_n_pk" PRIMARY KEY("asset_id","n")
);
--> statement-breakpoint
ALTER TABLE "asset_passages" ADD CONSTRAINT "asset_passages_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The one definition of a passage: about 80 words of the text, whitespace folded to single spaces.
CREATE FUNCTION asset_passages_of(doc text) RETURNS TABLE (n integer, body text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((w.i - 1) / 80)::integer, string_agg(w.word, ' ' ORDER BY w.i)
  FROM regexp_split_to_table(doc, '\s+') WITH ORDINALITY AS w(word, i)
  WHERE w.word <> ''
  GROUP BY 1
$$;--> statement-breakpoint
INSERT INTO "asset_passages" ("asset_id", "n", "body", "search_vector")
SELECT a.id, p.n, p.body, to_tsvector('english', p.body)
FROM "assets" a
JOIN "asset_versions" v ON v.asset_id = a.id AND v.number = a.current_version
CROSS JOIN LATERAL asset_passages_of(coalesce(v.body_source, v.extracted_text, v.url, '')) p;
