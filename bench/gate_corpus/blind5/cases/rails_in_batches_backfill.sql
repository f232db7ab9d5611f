BEGIN;
UPDATE "loans" SET "current_ltv" = 0 WHERE "loans"."current_ltv" IS NULL AND "loans"."id" >= 1 AND "loans"."id" < 1001;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
