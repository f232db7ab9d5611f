BEGIN;
ALTER TABLE "kyc_documents" ADD COLUMN "margin_account_id" bigint CONSTRAINT "kyc_documents_margin_account_id_fkey" REFERENCES "margin_accounts"("id");
INSERT INTO "schema_migrations" ("version","inserted_at") VALUES ('20261202093004','2026-12-02 09:30:00');
COMMIT;
