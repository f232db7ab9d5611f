SET lock_timeout = '2s';
--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "label" SET DATA TYPE text;
