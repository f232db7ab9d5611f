-- sequelize db:migrate (logging: console.log)
ALTER TABLE "public"."treasury_transfers" DROP COLUMN "approvals";
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
