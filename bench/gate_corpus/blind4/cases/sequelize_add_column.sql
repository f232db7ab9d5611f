-- sequelize db:migrate (logging: console.log)
ALTER TABLE "public"."withdrawals" ADD COLUMN "reviewed_by" VARCHAR(255);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
