BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "merchants" ADD "active" boolean DEFAULT TRUE NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
