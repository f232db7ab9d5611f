-- sequelize db:migrate (logging: console.log)
INSERT INTO "fee_tiers" ("tier","min_30d_volume_usd","maker_bps","taker_bps") VALUES (6,1000000000,-3,3);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
