-- sequelize db:migrate (logging: console.log)
CREATE INDEX CONCURRENTLY "withdrawals_batch_id" ON "withdrawals" ("batch_id");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
