-- sequelize db:migrate (logging: console.log)
DELETE FROM "audit_log";
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
