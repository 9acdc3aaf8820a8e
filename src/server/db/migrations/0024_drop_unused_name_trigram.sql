-- No query reads display_name by trigram since the directory matches users.search_text (0021);
-- the index had no scans across the bench, yet every change of name wrote to it.
DROP INDEX "users_display_name_trgm";