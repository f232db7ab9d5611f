BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "deposits" ADD "memo" character varying;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
