-- sequelize db:migrate (logging: console.log)
ALTER TABLE "public"."loans" ADD COLUMN "collateral_asset" VARCHAR(255);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
