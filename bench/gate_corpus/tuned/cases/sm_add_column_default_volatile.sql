BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" ADD "nonce" double precision DEFAULT random();
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
