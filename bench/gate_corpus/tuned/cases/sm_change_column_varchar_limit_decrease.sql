BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" ALTER COLUMN "client_ref" TYPE character varying(32);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
