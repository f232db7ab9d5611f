BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "comments" ADD "updated_at" timestamp(6) DEFAULT CURRENT_TIMESTAMP NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
