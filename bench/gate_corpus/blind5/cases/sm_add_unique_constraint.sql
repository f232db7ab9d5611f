BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_source_key" UNIQUE ("source_type", "source_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
