-- sequelize db:migrate (logging: console.log)
ALTER TABLE "counterparties" DROP COLUMN "lei";
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
