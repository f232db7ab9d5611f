BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "audit_log" ALTER COLUMN "actor" TYPE character varying(64);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
