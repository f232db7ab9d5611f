-- sequelize db:migrate (logging: console.log)
CREATE INDEX "audit_log_occurred_at" ON "audit_log" ("occurred_at");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
