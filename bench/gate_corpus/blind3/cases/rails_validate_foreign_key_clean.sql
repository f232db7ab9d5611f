BEGIN;
ALTER TABLE "kyc_documents" VALIDATE CONSTRAINT "kyc_documents_user_fk";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
