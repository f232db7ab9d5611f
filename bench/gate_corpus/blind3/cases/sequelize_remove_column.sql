ALTER TABLE "public"."kyc_documents" DROP COLUMN "reviewed_by";
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202093400-drop-reviewer.js');
