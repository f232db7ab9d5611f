-- sequelize db:migrate (logging: console.log)
ALTER TABLE "public"."markets" ADD COLUMN "funding_interval_hours" INTEGER DEFAULT 8;
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
