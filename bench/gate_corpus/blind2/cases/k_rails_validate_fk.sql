BEGIN;
ALTER TABLE "approvals" VALIDATE CONSTRAINT "approvals_withdrawal_fk";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
