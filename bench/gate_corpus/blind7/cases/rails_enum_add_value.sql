BEGIN;
ALTER TYPE "order_kind" ADD VALUE IF NOT EXISTS 'trailing_stop';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
