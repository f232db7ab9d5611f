BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "users" ADD CONSTRAINT "age_positive" CHECK (age > 0) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "age_positive";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
