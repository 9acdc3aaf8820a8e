-- Article sources and text found inside files are stored uncompressed: search reads a window of
-- each result's text for its snippet, and substr() on an uncompressed value reads only that slice
-- (docs/decisions/009). The text is a small part of the repository's storage next to the files.
ALTER TABLE "asset_versions" ALTER COLUMN "extracted_text" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "asset_versions" ALTER COLUMN "body_source" SET STORAGE EXTERNAL;
