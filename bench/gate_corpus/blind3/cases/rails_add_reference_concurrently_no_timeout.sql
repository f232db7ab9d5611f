ALTER TABLE "kyc_documents" ADD "margin_account_id" bigint;
CREATE INDEX CONCURRENTLY "index_kyc_documents_on_margin_account_id" ON "kyc_documents" ("margin_account_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20261202093002');
