-- sequelize db:migrate (logging: console.log)
INSERT INTO "fee_tiers" ("tier","maker_bps","taker_bps") VALUES ('vip3',1.0,3.0);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
