BEGIN;
ALTER TABLE "deposits" VALIDATE CONSTRAINT "deposits_account_fk";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
