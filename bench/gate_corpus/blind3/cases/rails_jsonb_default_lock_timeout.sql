BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "markets" ADD "risk_flags" jsonb DEFAULT '{}' NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
