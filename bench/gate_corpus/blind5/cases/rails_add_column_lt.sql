BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "loans" ADD "ltv_alert_sent" boolean;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
