-- sequelize db:migrate (logging: console.log)
REFRESH MATERIALIZED VIEW CONCURRENTLY "daily_volume";
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
