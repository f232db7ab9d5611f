BEGIN;
ALTER TYPE "rfq_status" ADD VALUE 'countered' BEFORE 'accepted';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
