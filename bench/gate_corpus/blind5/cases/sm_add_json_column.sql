BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "audit_log" ADD "context" json;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
