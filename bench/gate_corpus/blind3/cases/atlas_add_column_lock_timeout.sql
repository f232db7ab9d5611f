SET lock_timeout = '2s';
-- Modify "margin_calls" table
ALTER TABLE "margin_calls" ADD COLUMN "channel" text NULL;
