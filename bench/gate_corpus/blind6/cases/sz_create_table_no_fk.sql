-- sequelize db:migrate (logging: console.log)
CREATE TABLE IF NOT EXISTS "FeeOverrides" ("id" SERIAL, "counterpartyId" BIGINT NOT NULL, "bps" DECIMAL(6,2), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
