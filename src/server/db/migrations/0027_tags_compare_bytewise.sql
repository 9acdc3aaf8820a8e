-- Tags compare byte by byte (decision 017): the same order as C.UTF-8 for these ASCII slugs, without libc's strcoll.
ALTER TABLE "expertise" ALTER COLUMN "tag" SET DATA TYPE text collate "C";--> statement-breakpoint
ALTER TABLE "expertise_evidence" ALTER COLUMN "tag" SET DATA TYPE text collate "C";