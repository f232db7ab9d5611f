BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "api_keys" ADD "expires_at" timestamp(6), ADD "rotated_from_id" uuid;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
