-- sequelize db:migrate (logging: console.log)
ALTER TABLE "counterparties" ADD COLUMN "risk_score" INTEGER;
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
