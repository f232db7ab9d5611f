-- sequelize db:migrate (logging: console.log)
SET lock_timeout = '2s';
ALTER TABLE "public"."markets" ADD COLUMN "funding_interval_hours" INTEGER;
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
