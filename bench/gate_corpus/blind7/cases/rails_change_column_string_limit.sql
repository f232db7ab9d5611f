BEGIN;
SET lock_timeout = '3s';
ALTER TABLE "orders" ALTER COLUMN "client_order_id" TYPE character varying(64);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
