BEGIN;
UPDATE "ar_internal_metadata" SET "value" = 'production', "updated_at" = '2026-12-02 10:15:00.000000' WHERE "ar_internal_metadata"."key" = 'environment';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
