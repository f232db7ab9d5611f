BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "withdrawals" ADD "travel_rule" json;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
