CREATE TABLE "community_access_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expertise_evidence_state" ADD COLUMN "open_version" bigint;--> statement-breakpoint
-- "Who knows" may use the evidence rows that aggregate every open community (expertise_evidence,
-- community_id null) while no community's access changed since the refresh recorded them; this
-- counter says whether one did, without comparing the sets on every question (decision 006).
-- A trigger rather than the service, so that no path that changes a community can miss it.
INSERT INTO "community_access_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE FUNCTION "community_access_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "community_access_version" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "community_access_version"."version" + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "communities_access_added_or_removed" AFTER INSERT OR DELETE OR TRUNCATE ON "communities"
  FOR EACH STATEMENT EXECUTE FUNCTION "community_access_changed"();--> statement-breakpoint
CREATE TRIGGER "communities_access_changed" AFTER UPDATE OF "visibility", "status" ON "communities"
  FOR EACH ROW WHEN (OLD."visibility" IS DISTINCT FROM NEW."visibility" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "community_access_changed"();
