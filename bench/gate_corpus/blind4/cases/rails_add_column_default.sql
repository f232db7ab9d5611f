BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "deposits" ADD "source" character varying DEFAULT 'chain' NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
