BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "merchants" ALTER COLUMN "name" TYPE character varying(40);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
