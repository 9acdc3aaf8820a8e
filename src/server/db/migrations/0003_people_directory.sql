CREATE INDEX "users_directory_trgm" ON "users" USING gin (("display_name" || ' ' || "username" || ' ' || "title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_directory_idx" ON "users" USING btree ("display_name","id");--> statement-breakpoint
CREATE INDEX "member_roles_role_idx" ON "member_roles" USING btree ("role","user_id");