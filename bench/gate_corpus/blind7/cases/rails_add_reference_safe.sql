BEGIN;
SET lock_timeout = '3s';
ALTER TABLE "audit_events" ADD "api_key_id" bigint;
ALTER TABLE "audit_events" ADD CONSTRAINT "fk_rails_2b7c4d1a9e" FOREIGN KEY ("api_key_id") REFERENCES "api_keys" ("id") NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
