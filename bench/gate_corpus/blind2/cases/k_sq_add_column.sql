-- sequelize-cli db:migrate: 20261202101500-add-client-lei.js
ALTER TABLE "public"."clients" ADD COLUMN "lei" VARCHAR(255);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202101500-add-client-lei.js') RETURNING "name";
