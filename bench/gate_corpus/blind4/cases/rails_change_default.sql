BEGIN;
ALTER TABLE "withdrawals" ALTER COLUMN "status" SET DEFAULT 'pending';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
