BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "margin_calls" ADD CONSTRAINT "margin_ratio_positive" CHECK (margin_ratio > 0) NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
