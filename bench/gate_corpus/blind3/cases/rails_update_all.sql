BEGIN;
UPDATE "margin_accounts" SET "version" = 0;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
