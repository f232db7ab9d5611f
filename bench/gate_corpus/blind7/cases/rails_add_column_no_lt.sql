BEGIN;
ALTER TABLE "margin_accounts" ADD "margin_call_at" timestamp(6);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
