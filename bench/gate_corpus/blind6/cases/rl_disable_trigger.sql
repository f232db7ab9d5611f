BEGIN;
ALTER TABLE "payouts" DISABLE TRIGGER "payouts_audit";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
