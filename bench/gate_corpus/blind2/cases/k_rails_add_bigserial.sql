BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "audit_log" ADD "seq" bigserial;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
