-- sequelize db:migrate (logging: console.log)
CREATE INDEX "liquidations_liquidator" ON "liquidations" ("liquidator");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
