BEGIN;
UPDATE "payouts" SET "updated_at" = now();
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
