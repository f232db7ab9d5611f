-- sequelize-cli db:migrate: 20261202101900-create-approvers.js
CREATE TABLE IF NOT EXISTS "Approvers" ("id"   SERIAL , "name" VARCHAR(255) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202101900-create-approvers.js') RETURNING "name";
