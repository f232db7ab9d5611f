ALTER TABLE "public"."api_keys" ADD COLUMN "note" VARCHAR(255);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202093100-api-key-note.js');
