-- sequelize db:migrate (logging: console.log)
CREATE INDEX CONCURRENTLY "loans_opened_at" ON "loans" ("opened_at");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
