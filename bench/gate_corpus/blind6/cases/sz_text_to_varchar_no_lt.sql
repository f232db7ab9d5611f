-- sequelize db:migrate (logging: console.log)
ALTER TABLE "payouts" ALTER COLUMN "failure_reason" TYPE VARCHAR(255);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
