-- sequelize db:migrate (logging: console.log)
ALTER TABLE "public"."audit_events" DROP COLUMN "payload";
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
