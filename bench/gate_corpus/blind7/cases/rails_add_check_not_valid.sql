BEGIN;
SET lock_timeout = '3s';
ALTER TABLE "positions" ADD CONSTRAINT "positions_size_positive" CHECK (size > 0) NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
