-- sequelize db:migrate (logging: console.log)
INSERT INTO "assets" ("symbol","name","decimals","is_fiat","is_stablecoin","listed_at") VALUES ('CHF','Swiss franc',2,true,false,'2026-12-02 10:15:00.000 +00:00');
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
