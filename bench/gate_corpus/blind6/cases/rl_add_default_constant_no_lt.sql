BEGIN;
ALTER TABLE "payouts" ADD "priority" integer DEFAULT 0 NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
