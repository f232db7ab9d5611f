-- sequelize db:migrate (logging: console.log)
ALTER DOMAIN iban_text SET NOT NULL;
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
