BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "margin_calls" ADD "jitter_seconds" integer DEFAULT floor(random() * 60)::integer;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
