-- sequelize db:migrate (logging: console.log)
ALTER TABLE "audit_events" ALTER COLUMN "kind" TYPE "public"."margin_mode" USING ("kind"::"public"."margin_mode");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
