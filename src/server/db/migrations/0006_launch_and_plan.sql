CREATE INDEX "communities_proposed_idx" ON "communities" USING btree ("created_at","id") WHERE "communities"."status" = 'proposed';--> statement-breakpoint
-- Backfill (decision 007): every community that predates the cultivation plan gets the default
-- checklist (MODEL §5, catalogue.cultivationNeeds as of this migration), and its current stage as
-- the first entry of its stage history.
INSERT INTO "cultivation_tasks" ("community_id", "need", "title", "position", "is_default", "created_at", "updated_at")
SELECT c."id", d."need", d."title", d."position", true, c."created_at", c."created_at"
FROM "communities" c
CROSS JOIN (VALUES
  ('prepare', 'Interview members', 0),
  ('prepare', 'Build a core group', 1),
  ('prepare', 'Find an initial sponsor', 2),
  ('launch', 'Organize a launch process', 0),
  ('launch', 'Facilitate the launch event', 1),
  ('launch', 'Ensure follow-up', 2),
  ('build', 'Build the core group', 0),
  ('build', 'Organize value-creating events', 1),
  ('build', 'Connect people around questions', 2),
  ('infrastructure', 'Distribute responsibilities', 0),
  ('infrastructure', 'Assess IT requirements', 1),
  ('infrastructure', 'Create repositories', 2),
  ('strategize', 'Cultivate strategic stewardship', 0),
  ('strategize', 'Develop a learning agenda', 1),
  ('strategize', 'Organize practice groups and projects', 2),
  ('grow', 'Manage boundaries', 0),
  ('grow', 'Help newcomers', 1),
  ('grow', 'Balance the needs of constituencies', 2),
  ('assess', 'Keep the pulse of the community', 0),
  ('assess', 'Publicize success stories', 1),
  ('assess', 'Make the community aware of its value', 2),
  ('renew', 'Inject new energy', 0),
  ('renew', 'Prepare new leadership', 1),
  ('renew', 'Look for opportunities', 2)
) AS d("need", "title", "position")
WHERE NOT EXISTS (SELECT 1 FROM "cultivation_tasks" t WHERE t."community_id" = c."id" AND t."is_default");
--> statement-breakpoint
INSERT INTO "stage_changes" ("community_id", "from_stage", "to_stage", "changed_by", "reason", "created_at")
SELECT c."id", NULL, c."stage", c."created_by", 'Stage when the history began', c."created_at"
FROM "communities" c
WHERE NOT EXISTS (SELECT 1 FROM "stage_changes" s WHERE s."community_id" = c."id");
