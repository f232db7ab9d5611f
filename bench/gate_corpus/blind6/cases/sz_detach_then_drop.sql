-- sequelize db:migrate (logging: console.log)
SET lock_timeout = '2s';
ALTER TABLE "ledger_entries" DETACH PARTITION "ledger_entries_2026_10";
DROP TABLE "ledger_entries_2026_10";
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
