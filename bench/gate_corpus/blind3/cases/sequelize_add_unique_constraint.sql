ALTER TABLE "kyc_documents" ADD CONSTRAINT "kyc_documents_user_id_doc_type_uk" UNIQUE ("user_id", "doc_type");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202093500-kyc-unique.js');
