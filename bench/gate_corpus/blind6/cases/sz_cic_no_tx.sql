-- sequelize db:migrate (logging: console.log)
CREATE INDEX CONCURRENTLY "payouts_sent_at" ON "payouts" ("sent_at");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
