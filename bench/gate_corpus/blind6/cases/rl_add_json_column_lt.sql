BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "quotes" ADD "pricing_inputs" json;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
