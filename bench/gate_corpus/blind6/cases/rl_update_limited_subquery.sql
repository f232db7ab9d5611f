BEGIN;
UPDATE "payouts" SET "failure_reason" = 'n/a' WHERE "id" IN (SELECT "id" FROM "payouts" WHERE "failure_reason" IS NULL ORDER BY "id" LIMIT 100);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
