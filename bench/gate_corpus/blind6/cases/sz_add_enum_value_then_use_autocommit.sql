-- sequelize db:migrate (logging: console.log)
ALTER TYPE "payout_status" ADD VALUE 'on_hold';
UPDATE "payouts" SET "status" = 'on_hold' WHERE "id" = 1;
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
