-- sequelize db:migrate (logging: console.log)
ALTER TABLE "treasury_wallets" ADD CONSTRAINT "min_balance_nonneg" CHECK ("min_balance" >= 0);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
