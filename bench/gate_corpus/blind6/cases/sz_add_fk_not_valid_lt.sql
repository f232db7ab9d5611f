-- sequelize db:migrate (logging: console.log)
SET lock_timeout = '2s';
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_wallet_fk2" FOREIGN KEY ("wallet_id") REFERENCES "wallets" ("id") NOT VALID;
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
